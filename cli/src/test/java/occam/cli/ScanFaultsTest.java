package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import occam.io.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults of {@code occam scan} and {@code occam run} (issue 11): bad input refused before any work,
 * two writers on one folder, a scan killed mid-way and resumed, a trace into a FIFO and a link.
 */
class ScanFaultsTest {
  @TempDir Path tmp;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** Bad inputs: exit 2, one line on stderr naming the problem, nothing on stdout, nothing written. */
  static Stream<String> badInputs() {
    String huge = "1e-3:1:" + "9".repeat(50_000);
    return Stream.of(
        // threads
        "scan --threads -1", "scan --threads 1000000",
        // grids: K = 1 with a range, sizes that cannot fit (refused before the grid exists), malformed
        "scan --betas 1e-3:1:1", "scan --fracs 0.2:0.9:1", "scan --betas 1e-5:1e-2:100000000",
        "scan --fracs 0.1:0.9:2000000000", "scan --seeds 100000000", "scan --betas 1e-3:1:x", "scan --betas 1e-3::3",
        "scan --betas 1:NaN:3", "scan --fracs 0.1:Infinity:3", "scan --betas " + huge, "scan --seeds -3",
        // sizes: p too large for any heap
        "scan --p 100003", "scan --p 46349 --betas 1e-3 --fracs 0.5 --seeds 1",
        // task and dynamics
        "scan --p 4", "scan --op pow", "scan --gate medium", "scan --iters -5", "scan --eta 3", "scan --wd -1",
        "scan --acc-threshold 2", "scan --window 0", "scan --engine gpu", "scan --dft fftw",
        "scan --engine opencl --precision quad",
        // run
        "run --p 100003", "run --p 46349", "run --frac -0.5", "run --log-every 0", "run --gate both",
        "run --init-scale -1", "run --label-noise -1", "run --tol -1", "run --engine gpu", "run --dft fftw",
        // a long token is cut in the message
        "scan --gate " + "x".repeat(5000), "scan --op " + "x".repeat(5000), "scan --engine " + "x".repeat(5000),
        "scan --dft " + "x".repeat(5000), "scan --engine opencl --precision " + "x".repeat(5000),
        "run --gate " + "x".repeat(5000));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputIsRefusedBeforeAnyWork(String args) throws IOException {
    Path out = tmp.resolve("never");
    List<String> line = new ArrayList<>(List.of(args.split(" ")));
    line.addAll(args.startsWith("scan") ? List.of("--out", out.toString()) : List.of("--trace", out.toString()));
    CliRun o = CliRun.of(line.toArray(String[]::new));
    assertEquals(2, o.exit(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().length() < 600, "a user value is cut in messages: " + o.err().length() + " chars");
    assertTrue(o.out().isEmpty(), o.out());
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "nothing may be written on bad input");
    }
  }

  @Test
  void emptyOutOrAFileAsOutIsRefused() throws IOException {
    CliRun empty = CliRun.of("scan", "--p", "7", "--out", "");
    assertEquals(2, empty.exit(), empty.err());
    assertEquals(1, empty.errLines().size(), empty.err());
    Path file = Files.writeString(tmp.resolve("file"), "x");
    CliRun onFile = CliRun.of("scan", "--p", "7", "--betas", "1e-3", "--fracs", "0.5", "--out", file.toString());
    assertEquals(2, onFile.exit(), onFile.err());
    assertEquals(1, onFile.errLines().size(), onFile.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void otherSettingsAgainstAJournalExitTwo() throws IOException {
    Path out = tmp.resolve("s");
    Path journal = tmp.resolve(".s.cells.jsonl");
    Files.writeString(journal, "{\"occam_journal\":1,\"fingerprint\":\"0\",\"settings\":{}}\n");
    CliRun o = CliRun.of("scan", "--p", "7", "--betas", "1e-3", "--fracs", "0.5", "--seeds", "1", "--out", out.toString());
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("different settings"), o.err());
    assertFalse(Files.exists(out));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(journal), left.toList(), "only the journal stays");
    }
  }

  /** The second of two scans on one folder exits 2 naming the holder; the first completes. */
  @Test
  void twoScansOnOneFolder() throws Exception {
    Path out = tmp.resolve("s");
    String[] args = {"scan", "--p", "31", "--betas", "1e-4:1e-2:3", "--fracs", "0.3:0.9:4", "--seeds", "2", "--iters",
        "1500", "--tol", "0", "--threads", "1", "--out", out.toString()};
    CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.of(args));
    Path lock = tmp.resolve(".s.lock");
    while (!Files.exists(lock) && !first.isDone()) {
      Thread.sleep(2);
    }
    CliRun second = CliRun.of(args);
    CliRun done = first.get(5, TimeUnit.MINUTES);
    assertEquals(0, done.exit(), done.err());
    assertEquals(2, second.exit(), second.err());
    assertEquals(1, second.errLines().size(), second.err());
    assertTrue(second.err().contains("pid " + ProcessHandle.current().pid()), second.err());
    Manifest m = Manifest.requireComplete(out);
    assertEquals(7, m.files().size(), m.files().toString());
    assertFalse(Files.exists(lock), "the lock goes with the first scan");
  }

  /**
   * A scan killed (SIGKILL) while it runs leaves the old complete folder, and the same command run again
   * resumes from the journal and publishes a complete folder.
   */
  @Test
  void killedScanLeavesTheOldFolderAndResumes() throws Exception {
    Path out = tmp.resolve("s");
    CliRun old = CliRun.of("scan", "--p", "7", "--betas", "1e-3", "--fracs", "0.5", "--seeds", "1", "--out",
        out.toString());
    assertEquals(0, old.exit(), old.err());
    String oldCommand = Manifest.requireComplete(out).command();
    List<String> args = List.of("scan", "--p", "53", "--gate", "soft", "--betas", "1e-4:1e-2:3", "--fracs",
        "0.3:0.9:4", "--seeds", "2", "--iters", "800", "--tol", "0", "--threads", "1", "--out", out.toString());
    List<String> child = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "occam.cli.Occam"));
    child.addAll(args);
    Process p = new ProcessBuilder(child).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
        .start();
    Path journal = tmp.resolve(".s.cells.jsonl");
    while (p.isAlive() && journalLines(journal) < 1 + 6) {
      Thread.sleep(20);
    }
    p.destroyForcibly().waitFor();
    assertFalse(Files.readString(tmp.resolve("child.log")).contains("wrote "), "killed before it finished");
    assertEquals(oldCommand, Manifest.requireComplete(out).command(), "the old folder stays whole");
    int journaled = journalLines(journal) - 1;
    assertTrue(journaled >= 6 && journaled < 24, "journaled " + journaled);

    CliRun resumed = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.err().contains("resuming: " + journaled + " of 24 runs"), resumed.err());
    assertTrue(Manifest.requireComplete(out).command().contains("--p 53"));
    assertFalse(Files.exists(journal), "the journal goes with the publication");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of("child.log", "s"), left.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  private static int journalLines(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    byte[] b = Files.readAllBytes(journal);
    int n = 0;
    for (byte x : b) {
      n += x == '\n' ? 1 : 0;
    }
    return n;
  }

  /** {@code run --trace} into a FIFO writes through it (a reader gets every row); the FIFO stays a FIFO. */
  @Test
  void traceIntoAFifo() throws Exception {
    Path fifo = tmp.resolve("trace.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    CliRun o = CliRun.of("run", "--p", "7", "--iters", "30", "--log-every", "10", "--trace", fifo.toString());
    assertEquals(0, o.exit(), o.err());
    List<String> lines = reader.get(1, TimeUnit.MINUTES).lines().toList();
    assertEquals(6, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("# command: occam run --p 7"));
    assertTrue(lines.get(5).startsWith("30,"), lines.get(5));
    assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "the FIFO stays a FIFO");
  }

  /** {@code run --trace} through a symbolic link writes the file it leads to; the link stays a link. */
  @Test
  void traceThroughASymlink() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), real);
    CliRun o = CliRun.of("run", "--p", "7", "--iters", "30", "--log-every", "10", "--trace", link.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.isSymbolicLink(link));
    List<String> lines = Files.readAllLines(real);
    assertEquals(6, lines.size(), String.join("\n", lines));
    assertEquals(String.join(",", occam.sfm.SfmMetrics.COLUMNS), lines.get(1));
  }
}
