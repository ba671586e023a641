package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {
  @TempDir Path tmp;

  private static final long ME = ProcessHandle.current().pid();

  @Test
  void secondTakerInAnotherThreadIsRefusedNamingTheHolder() throws Exception {
    Path run = tmp.resolve("run");
    try (FolderLock first = FolderLock.inside(run, "occam train --seed 1")) {
      assertEquals(run.toAbsolutePath().resolve(FolderLock.FILE_NAME), first.file());
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> CompletableFuture.supplyAsync(() -> FolderLock.inside(run, "occam train --seed 2")).get());
      UsageException u = (UsageException) e.getCause();
      String holder = first.holder().describe();
      assertEquals(run + " is in use by " + holder + "; wait for it to finish or choose another --out", u.getMessage());
      assertTrue(holder.startsWith("pid " + ME + " on ") && holder.contains("(occam train --seed 1) since "), holder);
      assertFalse(u.getMessage().contains("\n"));
      assertThrows(UsageException.class, () -> FolderLock.inside(run, "same thread"), "a thread cannot take it twice either");
      Process other = Child.start("try", run.toString(), "occam train --seed 3");
      String line = Child.await(other, "");
      other.waitFor();
      assertEquals("refused: " + run + " is in use by " + holder + "; wait for it to finish or choose another --out", line,
          "the refusals in this JVM did not drop the lock at the OS level");
    }
    assertFalse(Files.exists(run.resolve(FolderLock.FILE_NAME)), "lock file deleted on close");
    try (FolderLock again = FolderLock.inside(run, "occam train --seed 2")) {
      assertTrue(again.previousHolder().isEmpty(), "a lock released normally leaves nothing stale");
    }
  }

  @Test
  void besideLockLivesNextToTheFolder() throws Exception {
    Path report = tmp.resolve("scan");
    try (FolderLock l = FolderLock.beside(report, "occam scan")) {
      assertEquals(tmp.toAbsolutePath().resolve(".scan.lock"), l.file());
      assertFalse(Files.exists(report), "the folder itself is not created");
      assertThrows(UsageException.class, () -> FolderLock.beside(report, "occam scan"));
      FolderLock.inside(report, "another kind").close(); // a different lock file: independent
    }
  }

  @Test
  void lockHeldByAnotherProcessIsRefusedThenTakenOverWhenItIsKilled() throws Exception {
    Path run = tmp.resolve("run");
    Process child = Child.start("lock", run.toString(), "occam train --out run --seed 7");
    try {
      String line = Child.await(child, "locked ");
      assertEquals("locked " + child.pid(), line);
      UsageException u = assertThrows(UsageException.class, () -> FolderLock.inside(run, "occam train --seed 8"));
      assertTrue(u.getMessage().startsWith(run + " is in use by pid " + child.pid() + " on "), u.getMessage());
      assertTrue(u.getMessage().contains("(occam train --out run --seed 7)"), u.getMessage());
    } finally {
      Child.kill(child);
    }
    assertTrue(Files.exists(run.resolve(FolderLock.FILE_NAME)), "the killed holder's lock file is left behind");
    try (FolderLock taken = FolderLock.inside(run, "occam train --seed 8")) {
      assertEquals(child.pid(), taken.previousHolder().orElseThrow().pid(), "the stale holder is reported");
      assertEquals("occam train --out run --seed 7", taken.previousHolder().orElseThrow().command());
      String recorded = Files.readString(taken.file());
      assertEquals(taken.holder(), Json.COMPACT.fromJson(recorded, FolderLock.Holder.class));
      assertEquals(ME, taken.holder().pid());
    }
  }

  @Test
  void garbageLockFileIsTakenOver() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve(FolderLock.FILE_NAME), "\u0000garbage");
    try (FolderLock l = FolderLock.inside(run, "occam train")) {
      assertTrue(l.previousHolder().isEmpty());
    }
  }

  @Test
  void folderUnderAFileIsRefused() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    UsageException u = assertThrows(UsageException.class, () -> FolderLock.inside(file.resolve("run"), "c"));
    assertTrue(u.getMessage().startsWith("cannot write to " + file.resolve("run") + ": "), u.getMessage());
  }
}
