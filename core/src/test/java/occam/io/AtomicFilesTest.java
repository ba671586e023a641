package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import occam.modular.Op;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void writesReadableFilesAndLeavesNoTemporary() throws IOException {
    Path f = tmp.resolve("sub/table.csv");
    AtomicFiles.writeString(f, "a,b\n");
    AtomicFiles.writeString(f, "c,d\n");
    assertEquals("c,d\n", Files.readString(f));
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
    try (Stream<Path> files = Files.list(f.getParent())) {
      assertEquals(1, files.count(), "only the published file remains");
    }
  }

  @Test
  void failedWriteKeepsTheOldFileAndNoTemporary() throws IOException {
    Path f = tmp.resolve("t.txt");
    AtomicFiles.writeString(f, "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
      out.write(1);
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(f));
    try (Stream<Path> files = Files.list(tmp)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void unwritableTargetsAreRefusedUpFront() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    assertThrows(IllegalArgumentException.class, () -> AtomicFiles.requireWritable(file.resolve("under-a-file.csv")));
    assertThrows(IllegalArgumentException.class, () -> AtomicFiles.requireWritable(tmp));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AtomicFiles.requireWritableDirectory(file));
    assertEquals("cannot write to " + file + ": it is a file, expected a folder", e.getMessage());
  }

  @Test
  void enumNames() {
    assertEquals(Op.DIV, EnumNames.parse(Op.class, " Div ", "op"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnumNames.parse(Op.class, "pow", "op"));
    assertEquals("unknown op 'pow': expected add, sub, mul or div", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EnumNames.parse(Op.class, null, "op"));
  }

  /** The POSIX file type bits of a path, links not followed. */
  private static int type(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
  }

  private static Path mkfifo(Path p) throws Exception {
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      throw e;
    }
    assumeTrue(mk.waitFor() == 0, "mkfifo failed");
    return p;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void fifoIsWrittenThroughNotReplaced() throws Exception {
    Path fifo = mkfifo(tmp.resolve("trace.csv"));
    String text = "step,loss\n" + "1,0.5\n".repeat(20_000); // larger than a pipe buffer
    ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true); // if the FIFO were replaced, the reader would wait on it forever
      return t;
    });
    Future<String> read = reader.submit(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> AtomicFiles.writeString(fifo, text));
    assertEquals(text, Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> read.get()));
    reader.shutdown();
    assertEquals(0010000, type(fifo), "still a FIFO");
    assertEquals(List.of("trace.csv"), names(tmp), "no temporary left");
  }

  @Test
  void symlinkIsFollowedAndTheFileItLeadsToReplaced() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path target = Files.writeString(elsewhere.resolve("real.csv"), "old\n");
    Path links = Files.createDirectories(tmp.resolve("links"));
    Path link = Files.createSymbolicLink(links.resolve("trace.csv"), Path.of("../elsewhere/real.csv"));
    Path chain = Files.createSymbolicLink(links.resolve("chain.csv"), Path.of("trace.csv"));
    AtomicFiles.writeString(chain, "new\n");
    assertEquals("new\n", Files.readString(target));
    assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "the links stay links");
    assertEquals(Path.of("../elsewhere/real.csv"), Files.readSymbolicLink(link));
    assertEquals(List.of("real.csv"), names(elsewhere), "no temporary left beside the target");
    assertEquals(List.of("chain.csv", "trace.csv"), names(links));
  }

  @Test
  void danglingSymlinkCreatesItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("out.json"), Path.of("made/later.json"));
    AtomicFiles.writeString(link, "{}\n");
    assertEquals("{}\n", Files.readString(tmp.resolve("made/later.json")));
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void symlinkToFifoIsWrittenThrough() throws Exception {
    Path fifo = mkfifo(tmp.resolve("pipe"));
    Path link = Files.createSymbolicLink(tmp.resolve("trace.csv"), fifo);
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> AtomicFiles.writeString(link, "a\n"));
    assertEquals("a\n", Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> read.get()));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(0010000, type(fifo));
  }

  @Test
  void kernelLinkToAnOpenFileAppendsToThatFile() throws IOException {
    Path fd = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fd), "no /proc here");
    Path f = tmp.resolve("stdout.txt");
    try (FileOutputStream shell = new FileOutputStream(f.toFile())) {
      shell.write("before\n".getBytes(StandardCharsets.UTF_8));
      shell.flush();
      Object inode = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
      Path open;
      try (Stream<Path> fds = Files.list(fd)) {
        open = fds.filter(p -> {
          try {
            return Files.readSymbolicLink(p).equals(f.toRealPath());
          } catch (IOException e) {
            return false;
          }
        }).findFirst().orElseThrow();
      }
      AtomicFiles.writeString(open, "trace\n");
      assertEquals("before\ntrace\n", Files.readString(f), "appended, as with '>>'");
      assertEquals(inode, Files.readAttributes(f, BasicFileAttributes.class).fileKey(), "the same file, not a new one");
    }
  }

  @Test
  void folderTargetIsRefusedAndKept() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    UsageException e = assertThrows(UsageException.class, () -> AtomicFiles.writeString(dir, "x"));
    assertEquals("cannot write " + dir + ": it is a folder, expected a file", e.getMessage());
    assertTrue(Files.isDirectory(dir));
    Path link = Files.createSymbolicLink(tmp.resolve("to-dir"), dir);
    assertThrows(UsageException.class, () -> AtomicFiles.writeString(link, "x"));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(List.of(), names(dir));
  }

  @Test
  void symlinkLoopIsRefused() throws IOException {
    Path a = tmp.resolve("a");
    Files.createSymbolicLink(a, Path.of("b"));
    Files.createSymbolicLink(tmp.resolve("b"), Path.of("a"));
    UsageException e = assertThrows(UsageException.class, () -> AtomicFiles.writeString(a, "x"));
    assertEquals("cannot write " + a + ": more than 40 symbolic links in a row", e.getMessage());
  }

  @Test
  void requireWritableAcceptsFifoAndFollowsLinks() throws Exception {
    AtomicFiles.requireWritable(mkfifo(tmp.resolve("fifo")));
    Path ro = Files.createDirectories(tmp.resolve("ro"));
    Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), ro.resolve("deep/x.csv"));
    AtomicFiles.requireWritable(link);
    assertTrue(Files.isDirectory(ro.resolve("deep")), "checked (and created) where the link leads");
  }

  @Test
  void staleTemporariesOfDeadWritersAreRemovedOthersKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long me = ProcessHandle.current().pid();
    Path dead = Files.writeString(tmp.resolve(".phase-table.csv.tmp-" + gone.pid() + "-123"), "half");
    Path live = Files.writeString(tmp.resolve(".summary.json.tmp-" + me + "-456"), "writing");
    Path user = Files.writeString(tmp.resolve("notes.tmp"), "mine");
    Path similar = Files.writeString(tmp.resolve(".x.tmp-abc-1"), "mine too");
    assertEquals(List.of(dead), AtomicFiles.removeStaleTemporaries(tmp));
    assertTrue(Files.exists(live) && Files.exists(user) && Files.exists(similar));
    assertTrue(AtomicFiles.isTemporary(live.getFileName().toString()));
    assertEquals(List.of(), AtomicFiles.removeStaleTemporaries(tmp.resolve("absent")));
  }
}
