package occam.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report folder (scan, compare) published as a whole: the command writes every file into a hidden
 * sibling {@code .NAME.tmp-PID} ({@link #staging()}), then {@link #publish()} lists them in a
 * {@link Manifest} and swaps the folder in by renames. A reader finds the old complete folder or the new
 * complete one, never files of two runs side by side. The folder is held by a {@link FolderLock} beside
 * it ({@code .NAME.lock}) from {@link #begin} to {@link #close()}.
 *
 * <p>The swap: (1) rename NAME to {@code .NAME.old-PID}; (2) rename the staging folder to NAME;
 * (3) move back into NAME what the old folder held that Occam did not write there (entries its manifest
 * does not list and the new folder lacks: a user's notes, another report nested inside); (4) rename the
 * old folder to {@code .NAME.del-PID} and delete it. A kill between (1) and (2) leaves no NAME for a
 * moment, and one during (3) leaves some of the user's entries in {@code .NAME.old-PID}: the next
 * {@link #begin} on the folder (or {@link #recover}) finishes the swap from what it finds, and deletes
 * the staging folders killed writers left. A folder written before manifests existed counts every entry
 * whose name the new folder also has as Occam's; its other entries are kept.
 *
 * <p>Refused with a {@link UsageException}: a path that is a file, and the current folder or one holding
 * it (a swap would pull it away from under the shell). A symbolic link to a folder is followed: the
 * folder it leads to is replaced and the link stays.
 *
 * <p>Grid commands keep their {@link CellJournal} at {@link #journal()}, beside the folder, so a killed
 * command's finished cells survive the clean-up; {@link #publish()} deletes it.
 */
public final class ReportFolder implements AutoCloseable {
  /** Hook called after each step of a publication, for tests that kill a writer at that moment. */
  static volatile Consumer<String> afterStep = step -> {};

  private final Path folder;
  private final Path staging;
  private final String command;
  private final FolderLock lock;
  private boolean published;

  private ReportFolder(Path folder, Path staging, String command, FolderLock lock) {
    this.folder = folder;
    this.staging = staging;
    this.command = command;
    this.lock = lock;
  }

  /**
   * Locks a report folder, finishes or cleans up what killed writers left, and opens an empty staging
   * folder for the new report.
   *
   * @param folder the report folder ({@code --out}); need not exist
   * @param command the command line, recorded in the lock and the manifest
   * @return the open report
   * @throws UsageException if the folder is a file, holds the current folder, cannot be written, or is
   *     held by another command (naming it)
   * @throws IOException if a killed writer's leftovers cannot be cleaned up
   */
  public static ReportFolder begin(Path folder, String command) throws IOException {
    Path abs = real(folder);
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new UsageException("cannot write to " + Messages.value(folder) + ": it is a file, expected a folder");
    }
    if (abs.getParent() == null || Path.of("").toAbsolutePath().normalize().startsWith(abs)) {
      throw new UsageException("cannot replace " + Messages.value(folder)
          + ": it is or holds the current folder; choose a folder below it as --out");
    }
    FolderLock lock = FolderLock.beside(abs, command);
    try {
      recover(abs);
      Path staging = sibling(abs, "tmp", ProcessHandle.current().pid());
      deleteRecursively(staging);
      Files.createDirectories(staging);
      return new ReportFolder(abs, staging, command, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The folder, symbolic links followed (the parent's too, when it exists). */
  private static Path real(Path folder) throws IOException {
    Path abs = folder.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      return abs.toRealPath();
    }
    Path parent = abs.getParent();
    return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(abs.getFileName()) : abs;
  }

  private static Path sibling(Path folder, String kind, long pid) {
    return folder.resolveSibling("." + folder.getFileName() + "." + kind + "-" + pid);
  }

  /** The folder the report is published as. */
  public Path folder() {
    return folder;
  }

  /** The folder to write the report's files into before {@link #publish()}. */
  public Path staging() {
    return staging;
  }

  /** Where a grid command journals its finished cells: {@code .NAME.cells.jsonl} beside the folder. */
  public Path journal() {
    return journalOf(folder);
  }

  /** The journal file of a report folder (see {@link #journal()}). */
  static Path journalOf(Path folder) {
    return folder.resolveSibling("." + folder.getFileName() + ".cells.jsonl");
  }

  /** Whether {@link #publish()} has run. */
  public boolean published() {
    return published;
  }

  /**
   * Writes the manifest of the staged files and swaps the staging folder in as the report folder; then
   * deletes the journal.
   *
   * @throws IOException if a rename or deletion fails (the old folder is then kept or restored by the
   *     next {@link #begin})
   * @throws IllegalStateException if already published
   */
  public void publish() throws IOException {
    if (published) {
      throw new IllegalStateException("already published: " + folder);
    }
    Manifest.of(staging, command).write(staging);
    step("staged");
    long pid = ProcessHandle.current().pid();
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      move(staging, folder);
      step("in");
    } else {
      Path old = sibling(folder, "old", pid);
      move(folder, old);
      step("aside");
      move(staging, folder);
      step("in");
      retire(old, folder);
    }
    published = true;
    Files.deleteIfExists(journal());
    step("done");
  }

  private static void step(String name) {
    afterStep.accept(name);
  }

  /**
   * Finishes what writers of a report folder killed mid-publication left: completes or undoes a swap,
   * moves the user's entries back, deletes stale staging and old folders. Call only while holding the
   * folder's lock ({@link #begin} does).
   *
   * @param folder the report folder (absolute, links followed)
   * @throws IOException if a leftover cannot be moved or deleted
   */
  static void recover(Path folder) throws IOException {
    Path parent = folder.getParent();
    if (!Files.isDirectory(parent)) {
      return;
    }
    Pattern mine = Pattern.compile("\\." + Pattern.quote(folder.getFileName().toString()) + "\\.(tmp|old|del)-(\\d+)");
    List<Path> leftovers;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      leftovers = java.util.stream.StreamSupport.stream(entries.spliterator(), false)
          .filter(p -> mine.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    for (Path p : leftovers) {
      Matcher m = mine.matcher(p.getFileName().toString());
      m.matches();
      if (m.group(1).equals("old")) {
        Path staged = sibling(folder, "tmp", Long.parseLong(m.group(2)));
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.exists(staged.resolve(Manifest.FILE_NAME))) {
            move(staged, folder); // killed between the two renames: the new folder was complete
          } else {
            move(p, folder);
            continue;
          }
        }
        retire(p, folder);
      }
    }
    for (Path p : leftovers) {
      deleteRecursively(p); // staging folders of killed writers, retired folders half deleted
    }
  }

  /** Steps (3) and (4) of the swap: moves the user's entries from the old folder into the new one. */
  private static void retire(Path old, Path folder) throws IOException {
    Set<String> ours = new HashSet<>(Set.of(Manifest.FILE_NAME, FolderLock.FILE_NAME));
    Optional<Manifest> written = Manifest.read(old);
    written.ifPresent(m -> m.files().forEach(e -> ours.add(e.path().split("/", 2)[0])));
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(old)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        Path target = folder.resolve(name);
        if (!ours.contains(name) && !AtomicFiles.isTemporary(name) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          move(e, target);
        }
      }
    }
    step("carried");
    Path trash = old.resolveSibling(old.getFileName().toString().replaceFirst("\\.old-(\\d+)$", ".del-$1"));
    move(old, trash);
    deleteRecursively(trash);
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a file or folder tree, links not followed; absent is fine. */
  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Deletes the staging folder unless published (the old report then stays as it was) and releases the
   * lock.
   *
   * @throws IOException if the staging folder cannot be deleted or the lock released
   */
  @Override
  public void close() throws IOException {
    try {
      if (!published) {
        deleteRecursively(staging);
      }
    } finally {
      lock.close();
    }
  }
}
