package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFolderTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Publishes files "name → text" pairs into the folder. */
  private static void publish(Path folder, String... nameText) throws IOException {
    try (ReportFolder r = ReportFolder.begin(folder, "occam scan --test")) {
      for (int i = 0; i < nameText.length; i += 2) {
        Path f = r.staging().resolve(nameText[i]);
        Files.createDirectories(f.getParent());
        AtomicFiles.writeString(f, nameText[i + 1]);
      }
      r.publish();
    }
  }

  @Test
  void firstPublicationCreatesTheFolderWithItsManifest() throws IOException {
    Path scan = tmp.resolve("scan");
    publish(scan, "phase-table.csv", "a\n", "summary.json", "{}\n");
    assertEquals(List.of(Manifest.FILE_NAME, "phase-table.csv", "summary.json"), names(scan));
    assertEquals(List.of("scan"), names(tmp), "no staging, lock or journal left beside it");
    Manifest m = Manifest.requireComplete(scan);
    assertEquals("occam scan --test", m.command());
    assertEquals(List.of("phase-table.csv", "summary.json"), m.files().stream().map(Manifest.Entry::path).toList());
    assertEquals(2, m.files().get(0).size());
    // SHA-256 of "a\n", from sha256sum
    assertEquals("87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7", m.files().get(0).sha256());
  }

  @Test
  void republicationReplacesOccamsFilesAndKeepsTheUsers() throws IOException {
    Path scan = tmp.resolve("scan");
    publish(scan, "phase-table.csv", "old\n", "phase-diagram-soft.png", "old soft\n", "sub/x.csv", "old\n");
    Files.writeString(scan.resolve("notes.txt"), "mine\n");
    Files.createDirectories(scan.resolve("nested-report"));
    Files.writeString(scan.resolve("nested-report/summary.json"), "{}\n");
    publish(scan, "phase-table.csv", "new\n", "phase-diagram-hard.png", "new hard\n");
    assertEquals(List.of(Manifest.FILE_NAME, "nested-report", "notes.txt", "phase-diagram-hard.png", "phase-table.csv"),
        names(scan), "the old run's soft diagram and sub/ are gone; the user's entries stay");
    assertEquals("new\n", Files.readString(scan.resolve("phase-table.csv")));
    assertEquals("mine\n", Files.readString(scan.resolve("notes.txt")));
    assertEquals("{}\n", Files.readString(scan.resolve("nested-report/summary.json")));
    Manifest.requireComplete(scan);
    assertEquals(List.of("scan"), names(tmp));
  }

  @Test
  void legacyFolderWithoutManifestKeepsWhatTheNewReportDoesNotWrite() throws IOException {
    Path scan = Files.createDirectories(tmp.resolve("scan"));
    Files.writeString(scan.resolve("phase-table.csv"), "legacy\n");
    Files.writeString(scan.resolve("README.md"), "kept\n");
    publish(scan, "phase-table.csv", "new\n");
    assertEquals(List.of(Manifest.FILE_NAME, "README.md", "phase-table.csv"), names(scan));
    assertEquals("new\n", Files.readString(scan.resolve("phase-table.csv")));
  }

  @Test
  void unpublishedReportLeavesTheOldFolderAsItWas() throws IOException {
    Path scan = tmp.resolve("scan");
    publish(scan, "phase-table.csv", "old\n");
    try (ReportFolder r = ReportFolder.begin(scan, "occam scan")) {
      Files.writeString(r.staging().resolve("phase-table.csv"), "half");
      assertEquals(tmp.toRealPath().resolve(".scan.tmp-" + ProcessHandle.current().pid()), r.staging());
      // the command fails here
    }
    assertEquals("old\n", Files.readString(scan.resolve("phase-table.csv")));
    assertEquals(List.of("scan"), names(tmp));
    Manifest.requireComplete(scan);
  }

  @Test
  void secondWriterIsRefusedWhileTheFirstHoldsTheFolder() throws IOException {
    Path scan = tmp.resolve("scan");
    try (ReportFolder r = ReportFolder.begin(scan, "occam scan --seed 1")) {
      UsageException u = assertThrows(UsageException.class, () -> ReportFolder.begin(scan, "occam scan --seed 2"));
      assertTrue(u.getMessage().startsWith(r.folder() + " is in use by "), u.getMessage());
      assertTrue(u.getMessage().contains("is in use by pid " + ProcessHandle.current().pid()), u.getMessage());
      assertTrue(u.getMessage().contains("(occam scan --seed 1)"), u.getMessage());
    }
  }

  @Test
  void fileCurrentFolderAndItsAncestorsAreRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    assertEquals("cannot write to " + file + ": it is a file, expected a folder",
        assertThrows(UsageException.class, () -> ReportFolder.begin(file, "c")).getMessage());
    for (Path p : List.of(Path.of(""), Path.of("."), Path.of("").toAbsolutePath().getParent())) {
      UsageException u = assertThrows(UsageException.class, () -> ReportFolder.begin(p, "c"));
      assertTrue(u.getMessage().endsWith("it is or holds the current folder; choose a folder below it as --out"), u.getMessage());
    }
  }

  @Test
  void symlinkToAFolderIsFollowedAndStays() throws IOException {
    Path real = tmp.resolve("real");
    publish(real, "a.csv", "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    publish(link, "a.csv", "new\n");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new\n", Files.readString(real.resolve("a.csv")));
  }

  @Test
  void publicationDeletesTheJournal() throws IOException {
    Path scan = tmp.resolve("scan");
    try (ReportFolder r = ReportFolder.begin(scan, "occam scan")) {
      assertEquals(tmp.toRealPath().resolve(".scan.cells.jsonl"), r.journal());
      Files.writeString(r.journal(), "{}\n");
      r.publish();
      assertThrows(IllegalStateException.class, r::publish);
    }
    assertEquals(List.of("scan"), names(tmp));
  }

  /**
   * A writer replacing a report (3 files "old i", a user's notes.txt, an old-only file) by a new one
   * (4 files "new i") is killed (SIGKILL) at each step; whatever the step, the folder is then the old or
   * the new complete report (after the next writer's recovery where noted), never a mix; after the next
   * writer's recovery the user's file is back in place and no temporary remains.
   */
  @ParameterizedTest(name = "killed at {0}")
  @CsvSource({
      "wrote-0, old, true", "wrote-2, old, true", "staged, old, true",
      "aside, new, false", "in, new, true", "carried, new, true", "done, new, true"})
  void killAtAnyStepLeavesTheOldOrTheNewFolder(String step, String expected, boolean completeAtOnce) throws Exception {
    Path scan = tmp.resolve("scan");
    publish(scan, "f1.txt", "old 1\n", "f2.txt", "old 2\n", "f3.txt", "old 3\n", "only-old.txt", "old\n");
    Files.writeString(scan.resolve("notes.txt"), "mine\n");
    Process child = Child.start("publish", scan.toString(), "new", "4", step);
    try {
      Child.await(child, step);
    } finally {
      Child.kill(child);
    }
    assertEquals(completeAtOnce, Files.isDirectory(scan), "the folder is missing only between the two renames");
    if (completeAtOnce) {
      assertIsComplete(scan, expected);
    }
    try (ReportFolder next = ReportFolder.begin(scan, "next")) {
      assertIsComplete(scan, expected);
      assertEquals("mine\n", Files.readString(scan.resolve("notes.txt")), "the user's file is back");
      assertEquals(List.of(".scan.lock", next.staging().getFileName().toString(), "scan"), names(tmp),
          "the killed writer's staging and old folders are gone");
    }
    assertEquals(List.of("scan"), names(tmp));
  }

  private static void assertIsComplete(Path scan, String version) throws IOException {
    Manifest m = Manifest.requireComplete(scan);
    int n = version.equals("old") ? 3 : 4;
    for (int i = 1; i <= n; i++) {
      assertEquals(version + " " + i + "\n", Files.readString(scan.resolve("f" + i + ".txt")));
    }
    assertEquals(version.equals("old"), Files.exists(scan.resolve("only-old.txt")));
    assertEquals(4, m.files().size(), "old: f1-f3 and only-old.txt; new: f1-f4");
    assertFalse(Files.exists(scan.resolve("f5.txt")));
  }
}
