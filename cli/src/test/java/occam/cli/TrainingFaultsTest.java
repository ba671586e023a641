package occam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import occam.io.FolderLock;
import occam.io.LockedRunFolder;
import occam.io.Manifest;
import occam.io.UsageException;
import occam.results.compare.ComparisonSettings;
import occam.transformer.Checkpoint;
import occam.transformer.TrainingRun;
import occam.transformer.records.MetricsLog;
import occam.transformer.records.RunFolder;
import occam.transformer.records.StepMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI fault suite of issue 11 for train, experiment, compare, bench, ctm and theory: bad inputs
 * (each exit 2, one line on stderr, nothing written), a folder held by another command, a run killed
 * (SIGKILL) or interrupted (SIGINT) in its own JVM.
 */
class TrainingFaultsTest {
  @TempDir static Path shared;

  /** A tiny model, so a run takes well under a second of training. */
  private static List<String> tiny(Path out, int steps, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--p", "5", "--frac", "0.6", "--d-model", "8", "--heads", "2",
        "--d-mlp", "16", "--steps", Integer.toString(steps), "--log-every", "10", "--checkpoint-every", "1000",
        "--no-progress", "--out", out.toString()));
    return with(args, extra);
  }

  /** {@link #tiny} as a grid of two seeds ({@code --seeds 0:1}, no {@code --frac}). */
  private static List<String> tinyGrid(Path out, String... extra) {
    List<String> args = tiny(out, 4);
    int frac = args.indexOf("--frac");
    args.remove(frac + 1);
    args.remove(frac);
    args.addAll(List.of("--seeds", "0:1"));
    return with(args, extra);
  }

  private static List<String> experiment(Path tmp, String... extra) {
    List<String> args = new ArrayList<>(List.of("experiment", "--p", "5", "--d-model", "8", "--heads", "2", "--d-mlp",
        "16", "--steps", "4", "--log-every", "2", "--wds", "1", "--fracs", "0.6", "--seeds", "1", "--sfm-iters", "100",
        "--k-betas", "1e-3", "--runs-dir", tmp.resolve("runs").toString(), "--out", tmp.resolve("report").toString()));
    return with(args, extra);
  }

  /** The arguments with options replaced or added: a value after an option replaces the one given. */
  private static List<String> with(List<String> args, String... extra) {
    for (int i = 0; i < extra.length; i++) {
      int at = args.indexOf(extra[i]);
      boolean valued = i + 1 < extra.length && !extra[i + 1].startsWith("--");
      if (at >= 0 && valued) {
        args.set(at + 1, extra[++i]);
      } else {
        args.add(extra[i]);
        if (valued) {
          args.add(extra[++i]);
        }
      }
    }
    return args;
  }

  /** One bad input: the arguments ({@code T} stands for an empty temp folder) and a piece of the message. */
  record Bad(String what, List<String> args, String expected) {
    @Override
    public String toString() {
      return what;
    }
  }

  static List<Bad> badInputs() {
    Path t = Path.of("T");
    String big = "9".repeat(5_000_000);
    return List.of(
        new Bad("train p too large", tiny(t.resolve("a"), 4, "--p", "10007"), "needs ~"),
        new Bad("train threads 1000", tiny(t.resolve("a"), 4, "--threads", "1000"), "at most"),
        new Bad("train threads -1", tiny(t.resolve("a"), 4, "--threads", "-1"), ">= 0"),
        new Bad("train out empty", tiny(Path.of(""), 4), "--out is empty"),
        new Bad("train out not UTF-8", tiny(t.resolve("bad\uFFFDname"), 4), "not UTF-8"),
        new Bad("train out under a file", tiny(t.resolve("file/sub"), 4), "cannot"),
        new Bad("train out is a file", tiny(t.resolve("file"), 4), "is a file"),
        new Bad("train 5 MB token", List.of("train", "--p", big), "chars)"),
        new Bad("train 5 MB unknown option", List.of("train", "--" + big), "chars)"),
        new Bad("train steps -5", tiny(t.resolve("a"), -5), "steps"),
        new Bad("train grid wd < 0", tinyGrid(t.resolve("a"), "--wds", "0.5,-1"), "weight decay = -1.0"),
        new Bad("train grid frac 0", tinyGrid(t.resolve("a"), "--fracs", "0,0.5"), "frac = 0.0"),
        new Bad("train grid frac 1.5", tinyGrid(t.resolve("a"), "--fracs", "0.5,1.5"), "frac = 1.5"),
        new Bad("train grid lr < 0", tinyGrid(t.resolve("a"), "--lrs", "1e-3,-1"), "lr = -1.0"),
        new Bad("train grid malformed range", tinyGrid(t.resolve("a"), "--seeds", "0:x"), "'x' is not an integer"),
        new Bad("train grid reversed range", tinyGrid(t.resolve("a"), "--seeds", "3:1"), "empty range"),
        new Bad("train grid repeated seed", tinyGrid(t.resolve("a"), "--seeds", "0,1,0"), "lists 0 twice"),
        new Bad("train grid non-prime p", tinyGrid(t.resolve("a"), "--p", "6"), "p = 6"),
        new Bad("train grid ensemble 0", tinyGrid(t.resolve("a"), "--ensemble", "0"), "--ensemble 0"),
        new Bad("train ensemble without a list", tiny(t.resolve("a"), 4, "--ensemble", "2"), "needs a list option"),
        new Bad("train seed with seeds", tinyGrid(t.resolve("a"), "--seed", "1"), "--seeds and --seed"),
        new Bad("train frac with fracs", tiny(t.resolve("a"), 4, "--fracs", "0.5,0.6"), "--fracs and --frac"),
        new Bad("train grid over memory", tinyGrid(t.resolve("a"), "--p", "701", "--seeds", "0:15", "--ensemble", "16"),
            "an ensemble of 16 members needs about"),
        new Bad("experiment gate", experiment(t, "--gate", "bogus"), "bogus"),
        new Bad("experiment eps", experiment(t, "--eps", "-1"), "--eps"),
        new Bad("experiment k-betas", experiment(t, "--k-betas", "1:0:x"), "k-betas"),
        new Bad("experiment sfm-threads", experiment(t, "--sfm-threads", "0"), "sfm threads"),
        new Bad("experiment calibration seed", experiment(t, "--calibration-seeds", "7"), "no run has"),
        new Bad("experiment threads", experiment(t, "--threads", "1000"), "at most"),
        new Bad("experiment out empty", experiment(t, "--out", ""), "--out is empty"),
        new Bad("experiment out under a file", experiment(t, "--out", t.resolve("file/r").toString()), "cannot"),
        new Bad("experiment runs-dir under a file", experiment(t, "--runs-dir", t.resolve("file/r").toString()), "cannot"),
        new Bad("experiment p too large", experiment(t, "--p", "10007"), "needs ~"),
        new Bad("compare absent run", List.of("compare", "--runs", "T/absent", "--out", "T/r"), "does not exist"),
        new Bad("compare unfinished run", List.of("compare", "--runs", "T/unfinished", "--out", "T/r"), "not complete"),
        new Bad("compare garbage metrics", List.of("compare", "--runs", "T/garbage", "--out", "T/r"), "line 2"),
        new Bad("compare gate", List.of("compare", "--runs", "T/absent", "--gate", "x"), "x"),
        new Bad("bench threads -1", List.of("bench", "sfm", "--threads", "-1"), "threads = -1"),
        new Bad("bench engine", List.of("bench", "sfm", "--engine", "bogus"), "bogus"),
        new Bad("bench precision", List.of("bench", "sfm", "--engine", "opencl", "--precision", "bogus"), "bogus"),
        new Bad("bench precision, backends", List.of("bench", "sfm", "--part", "backends", "--precision", "bogus"), "bogus"),
        new Bad("bench batches 1e8", List.of("bench", "sfm", "--batches", "100000000"), "needs ~"),
        new Bad("bench p 100003", List.of("bench", "sfm", "--p", "100003", "--engine", "cpu"), "needs ~"),
        new Bad("ctm generate out empty", List.of("ctm", "generate", "--states", "2", "--out", ""), "--out is empty"),
        new Bad("ctm generate out under a file", List.of("ctm", "generate", "--states", "2", "--out", "T/file/x.tsv"), "cannot"),
        new Bad("ctm generate name tab", List.of("ctm", "generate", "--states", "2", "--name", "a\tb", "--out", "T/x.tsv"),
            "control character"),
        new Bad("ctm generate name newline", List.of("ctm", "generate", "--states", "2", "--name", "a\nb", "--out", "T/x.tsv"),
            "control character"),
        new Bad("ctm compare block 99", List.of("ctm", "compare", "--ctm", "ctm-own-b4-d12", "--ctm", "ctm-own-b4-d12",
            "--block", "99"), "not a shape both tables list"),
        new Bad("ctm compare truncated gz", List.of("ctm", "compare", "--ctm", "T/cut.tsv.gz", "--ctm", "ctm-own-b4-d12"),
            "line"),
        new Bad("theory p 2^31-1", List.of("theory", "--p", "2147483647"), "needs ~"),
        new Bad("theory p 1000003 (hours of O(m²) DFT)", List.of("theory", "--p", "1000003"), "would take ~33 minutes"),
        new Bad("theory p 4", List.of("theory", "--p", "4"), "4"));
  }

  /** Fixtures the bad inputs name: a file, an unfinished run, a run with a garbage log, a cut table. */
  private static void fixtures(Path t) throws IOException {
    Files.createDirectories(t);
    Files.writeString(t.resolve("file"), "not a folder");
    Path unfinished = t.resolve("unfinished");
    assertEquals(0, CliRun.of(tiny(unfinished, 4).toArray(String[]::new)).exit());
    Files.delete(unfinished.resolve(Manifest.FILE_NAME));
    Path garbage = t.resolve("garbage");
    assertEquals(0, CliRun.of(tiny(garbage, 4).toArray(String[]::new)).exit());
    List<String> lines = new ArrayList<>(Files.readAllLines(garbage.resolve(RunFolder.METRICS_FILE)));
    lines.set(1, "{\"step\": garbage");
    Files.write(garbage.resolve(RunFolder.METRICS_FILE), lines);
    Manifest.of(garbage, "test").write(garbage); // finished, then its log went bad
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(table)) {
      occam.complexity.CtmTable.open("ctm-own-b4-d12").write(new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8));
    }
    byte[] bytes = table.toByteArray();
    Files.write(t.resolve("cut.tsv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputExitsTwoWithOneLineAndWritesNothing(Bad bad) throws IOException {
    Path t = shared.resolve("T");
    if (!Files.exists(t)) {
      fixtures(t);
    }
    List<String> before = tree(t);
    String[] args = bad.args().stream().map(a -> a.startsWith("T/") || a.equals("T") ? t.resolve(a.substring(Math.min(2,
        a.length()))).toString() : a).toArray(String[]::new);
    CliRun r = CliRun.of(args);
    assertEquals(Occam.EXIT_USAGE, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), "one line: " + r.err());
    assertTrue(r.err().contains(bad.expected()), r.err());
    assertTrue(r.err().length() < 1000, "short: " + r.err().length() + " chars");
    assertEquals(before, tree(t), "nothing written");
  }

  @Test
  void theHelpOfEachCommandStatesTheLargestP() {
    for (String[] help : List.of(new String[] {"train", "--help"}, new String[] {"experiment", "--help"},
        new String[] {"compare", "--help"}, new String[] {"theory", "--help"}, new String[] {"bench", "sfm", "--help"})) {
      CliRun r = CliRun.of(help);
      assertEquals(0, r.exit());
      assertTrue(r.out().replaceAll("\\s+", " ").contains("Largest p on this heap"), String.join(" ", help) + ": " + r.out());
    }
  }

  @Test
  void resumeWithNothingToResumeOrTooFewStepsIsRefusedAndLeavesTheRun(@TempDir Path tmp) throws IOException {
    Path run = tmp.resolve("run");
    assertEquals(0, CliRun.of(tiny(run, 20).toArray(String[]::new)).exit());
    List<String> before = tree(run);
    CliRun fewer = CliRun.of(tiny(run, 10, "--resume").toArray(String[]::new));
    assertEquals(Occam.EXIT_USAGE, fewer.exit());
    assertTrue(fewer.err().contains("--steps 10 is below the step of the checkpoint to resume, 20"), fewer.err());
    assertEquals(before, tree(run));
    try (Stream<Path> s = Files.walk(run.resolve(RunFolder.CHECKPOINT_DIR))) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    List<String> noCheckpoint = tree(run);
    CliRun nothing = CliRun.of(tiny(run, 30, "--resume").toArray(String[]::new));
    assertEquals(Occam.EXIT_USAGE, nothing.exit());
    assertTrue(nothing.err().contains("nothing to resume"), nothing.err());
    assertEquals(noCheckpoint, tree(run), "metrics and summary kept");
    // into an empty folder, --resume starts fresh
    assertEquals(0, CliRun.of(tiny(tmp.resolve("fresh"), 4, "--resume").toArray(String[]::new)).exit());
    assertTrue(Manifest.read(tmp.resolve("fresh")).isPresent());
  }

  @Test
  void aHeldRunOrReportFolderIsRefusedNamingItsHolder(@TempDir Path tmp) throws IOException {
    Path run = tmp.resolve("run");
    try (LockedRunFolder other = LockedRunFolder.open(run, "occam train (the other one)")) {
      assertEquals(run, other.folder());
      CliRun r = CliRun.of(tiny(run, 4).toArray(String[]::new));
      assertEquals(Occam.EXIT_USAGE, r.exit(), r.err());
      assertEquals(1, r.errLines().size(), r.err());
      assertTrue(r.err().contains("is in use by pid " + ProcessHandle.current().pid()), r.err());
      assertTrue(r.err().contains("the other one"), r.err());
    }
    assertFalse(Files.exists(run.resolve(RunFolder.METRICS_FILE)), "the second command wrote nothing");
    try (FolderLock other = FolderLock.beside(tmp.resolve("report"), "occam compare (the other one)")) {
      assertEquals(tmp.resolve("report"), other.folder());
      CliRun r = CliRun.of(experiment(tmp).toArray(String[]::new));
      assertEquals(Occam.EXIT_USAGE, r.exit(), r.err());
      assertTrue(r.err().contains("is in use by"), r.err());
      assertFalse(Files.exists(tmp.resolve("runs").resolve("p5-add-wd1-lr0.003-frac0.6-seed0")), "refused before training");
    }
  }

  @Test
  void experimentRepublishesAReportFolderKeepingTheReportsNestedInIt(@TempDir Path tmp) throws IOException {
    Path committed = Path.of("..", "results", "comparison");
    Path report = tmp.resolve("report");
    copyTree(committed, report);
    CliRun r = CliRun.of(experiment(tmp).toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    for (String nested : List.of("hard-gate", "k-beta-1e-3")) {
      assertEquals(tree(committed.resolve(nested)), tree(report.resolve(nested)), nested + " kept as it was");
    }
    Manifest m = Manifest.requireComplete(report);
    assertTrue(m.files().stream().noneMatch(e -> e.path().startsWith("hard-gate")), "nested reports are not ours");
    assertTrue(Files.readString(report.resolve("comparison.md")).contains("p5-add-wd1-lr0.003-frac0.6-seed0"), "the new report");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static Process start(List<String> args, Path stderr) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Occam.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile()).start();
  }

  /**
   * Skips the test where the child inherited an ignored SIGINT (a build started in the background by a
   * shell without job control, e.g. {@code (mvn verify &)} in a script): the JVM then never sees SIGINT,
   * as POSIX wants, and there is nothing to test. Reads the Linux process status; elsewhere assumes delivery.
   */
  private static void assumeSigintReaches(Process p) throws IOException {
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    if (!Files.isReadable(status)) {
      return;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        assumeTrue((ignored & (1L << (2 - 1))) == 0, "SIGINT is ignored by this process tree (started in the"
            + " background without job control): the JVM cannot see it");
      }
    }
  }

  /** Waits until the run's metrics log has a line at or past a step (the run is training). */
  private static void awaitStep(Process p, Path run, int step) throws IOException, InterruptedException {
    Path log = run.resolve(RunFolder.METRICS_FILE);
    while (p.isAlive()) {
      if (Files.exists(log) && MetricsLog.read(log).stream().anyMatch(m -> m.step() >= step)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the run ended before step " + step);
  }

  @Test
  void aSecondProcessIsRefusedAndAKilledRunIsUnfinishedUntilResumed(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    Process first = start(tiny(run, 1_000_000, "--checkpoint-every", "5"), tmp.resolve("first.err"));
    try {
      awaitStep(first, run, 10);
      CliRun second = CliRun.of(tiny(run, 40).toArray(String[]::new));
      assertEquals(Occam.EXIT_USAGE, second.exit(), second.err());
      assertTrue(second.err().contains("is in use by pid " + first.pid()), second.err());
    } finally {
      first.destroyForcibly(); // SIGKILL, mid-write
      first.waitFor(60, TimeUnit.SECONDS);
    }
    assertFalse(Files.exists(run.resolve(Manifest.FILE_NAME)), "a killed run is unfinished");
    try {
      ComparisonSettings.read(List.of(run));
      throw new AssertionError("an unfinished run was read");
    } catch (UsageException e) {
      assertTrue(e.getMessage().contains("is not complete"), e.getMessage());
    }
    int saved = Checkpoint.read(TrainingRun.checkpointFile(run)).step();
    CliRun resumed = CliRun.of(tiny(run, saved + 10, "--checkpoint-every", "5", "--resume").toArray(String[]::new));
    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(saved + 10, ComparisonSettings.read(List.of(run)).get(0).stepsDone(), "finished by the resume: readable");
  }

  @Test
  void anEnsembleMemberFolderIsLockedAndSigintSavesEveryMemberThenTheGridResumesAndCompares(@TempDir Path tmp)
      throws Exception {
    Path grid = tmp.resolve("grid");
    List<Path> members = List.of(grid.resolve("p5-add-wd1-lr0.001-frac0.3-seed0"),
        grid.resolve("p5-add-wd1-lr0.001-frac0.3-seed1"));
    Process p = start(tinyGrid(grid, "--steps", "1000000"), tmp.resolve("grid.err"));
    int at;
    try {
      awaitStep(p, members.get(1), 10);
      CliRun second = CliRun.of(tiny(members.get(1), 40).toArray(String[]::new));
      assertEquals(Occam.EXIT_USAGE, second.exit(), second.err());
      assertTrue(second.err().contains("is in use by pid " + p.pid()), second.err());
      assumeSigintReaches(p);
      assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "exits after saving");
      List<String> said = Files.readAllLines(tmp.resolve("grid.err"));
      assertEquals(1, said.size(), said.toString());
      assertTrue(said.get(0).matches("interrupted: 2 members saved a checkpoint at step \\d+ \\(.*\\); resume with --resume"),
          said.get(0));
      at = Integer.parseInt(said.get(0).replaceAll(".* at step (\\d+) .*", "$1"));
    } finally {
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
    }
    for (Path m : members) {
      assertEquals(at, Checkpoint.read(TrainingRun.checkpointFile(m)).step(), m + ": the step said");
      assertFalse(Files.exists(m.resolve(Manifest.FILE_NAME)), "unfinished");
    }
    CliRun resumed = CliRun.of(tinyGrid(grid, "--steps", Integer.toString(at + 10), "--resume").toArray(String[]::new));
    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(List.of(at + 10, at + 10), ComparisonSettings.read(members).stream().map(s -> s.stepsDone()).toList(),
        "finished by the resume: readable as complete runs");
  }

  @Test
  void sigintSavesACheckpointAndTheResumedRunEndsLikeAnUninterruptedOne(@TempDir Path tmp) throws Exception {
    int steps = 3000;
    Path whole = tmp.resolve("whole");
    Process p = start(tiny(whole, steps), tmp.resolve("whole.err"));
    assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("whole.err")));

    Path cut = tmp.resolve("cut");
    Process q = start(tiny(cut, steps), tmp.resolve("cut.err"));
    awaitStep(q, cut, 10);
    assumeSigintReaches(q);
    assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(q.pid())).start().waitFor());
    assertTrue(q.waitFor(120, TimeUnit.SECONDS), "exits after saving");
    String said = Files.readString(tmp.resolve("cut.err")).strip();
    assertTrue(said.matches("interrupted at step \\d+; checkpoint saved \\(.*\\); resume with --resume"), said);
    int at = Integer.parseInt(said.replaceAll("interrupted at step (\\d+);.*", "$1"));
    assertTrue(at >= 10 && at < steps, said);
    assertEquals(at, Checkpoint.read(TrainingRun.checkpointFile(cut)).step(), "checkpoint of the step said");
    assertFalse(Files.exists(cut.resolve(Manifest.FILE_NAME)), "unfinished");

    Process resumed = start(tiny(cut, steps, "--resume"), tmp.resolve("resumed.err"));
    assertEquals(0, resumed.waitFor(), Files.readString(tmp.resolve("resumed.err")));
    assertEquals(timeless(whole), timeless(cut));
    Checkpoint a = Checkpoint.read(TrainingRun.checkpointFile(whole));
    Checkpoint b = Checkpoint.read(TrainingRun.checkpointFile(cut));
    assertEquals(steps, b.step());
    for (int i = 0; i < a.parameters().size(); i++) {
      assertArrayEquals(a.parameters().get(i).data(), b.parameters().get(i).data(), a.parameters().get(i).name());
      assertArrayEquals(a.secondMoments().get(i).data(), b.secondMoments().get(i).data());
    }
    Manifest.requireComplete(cut);
  }

  private static List<StepMetrics> timeless(Path run) throws IOException {
    return MetricsLog.read(run.resolve(RunFolder.METRICS_FILE)).stream().map(StepMetrics::withoutTiming).toList();
  }
}
