package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
  @TempDir Path tmp;

  @Test
  void finishedRunListsItsFilesAndAChangeIsDetected() throws Exception {
    Path run = tmp.resolve("run");
    try (LockedRunFolder r = LockedRunFolder.open(run, "occam train --seed 1")) {
      AtomicFiles.writeString(run.resolve("metrics.jsonl"), "{\"step\":1}\n");
      AtomicFiles.writeString(run.resolve("checkpoint/state.ckpt"), "weights");
      assertTrue(Files.exists(run.resolve(FolderLock.FILE_NAME)), "locked while open");
      Manifest m = r.finish();
      assertEquals(List.of("checkpoint/state.ckpt", "metrics.jsonl"), m.files().stream().map(Manifest.Entry::path).toList());
    }
    assertFalse(Files.exists(run.resolve(FolderLock.FILE_NAME)));
    assertEquals("occam train --seed 1", Manifest.requireComplete(run).command());
    Files.writeString(run.resolve("metrics.jsonl"), "{\"step\":2}\n"); // same size, other bytes
    UsageException u = assertThrows(UsageException.class, () -> Manifest.requireComplete(run));
    assertEquals(run + " changed after it was written: metrics.jsonl differs from its " + Manifest.FILE_NAME, u.getMessage());
  }

  @Test
  void reopenedRunReadsUnfinishedUntilFinishedAgain() throws Exception {
    Path run = tmp.resolve("run");
    try (LockedRunFolder r = LockedRunFolder.open(run, "occam train")) {
      AtomicFiles.writeString(run.resolve("summary.json"), "{}\n");
      r.finish();
    }
    try (LockedRunFolder r = LockedRunFolder.open(run, "occam train --resume")) {
      UsageException u = assertThrows(UsageException.class, () -> Manifest.requireComplete(run));
      assertEquals(run + " is not complete: it has no " + Manifest.FILE_NAME + " (its command was killed or still runs)",
          u.getMessage());
      assertEquals("{}\n", Files.readString(run.resolve("summary.json")), "the files a resume needs stay");
      UsageException held = assertThrows(UsageException.class, () -> LockedRunFolder.open(run, "occam train"));
      assertTrue(held.getMessage().startsWith(r.folder() + " is in use by "), held.getMessage());
      assertTrue(held.getMessage().contains("(occam train --resume)"), held.getMessage());
    }
  }

  @Test
  void openingCleansStaleTemporariesInSubfolders() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path ckpt = Files.createDirectories(tmp.resolve("run/checkpoint"));
    Path stale = Files.writeString(ckpt.resolve(".state.ckpt.tmp-" + gone.pid() + "-42"), "half");
    Path kept = Files.writeString(ckpt.resolve("state.ckpt"), "whole");
    try (LockedRunFolder r = LockedRunFolder.open(tmp.resolve("run"), "occam train --resume")) {
      assertFalse(Files.exists(stale));
      assertTrue(Files.exists(kept));
      assertTrue(r.previousHolder().isEmpty());
    }
  }

  @Test
  void manifestThatIsNotJsonIsAUsageError() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve(Manifest.FILE_NAME), "{\"files\": [NaN]}");
    UsageException u = assertThrows(UsageException.class, () -> Manifest.requireComplete(run));
    assertTrue(u.getMessage().startsWith(run.resolve(Manifest.FILE_NAME) + " is not a valid manifest: "), u.getMessage());
    Files.writeString(run.resolve("file"), "x");
    assertThrows(UsageException.class, () -> LockedRunFolder.open(run.resolve("file"), "c"));
  }
}
