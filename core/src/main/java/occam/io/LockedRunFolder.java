package occam.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run folder (train, one experiment cell) written file by file in place, because it holds what a
 * later command continues from (the checkpoint that {@code --resume} reads, the metrics log it
 * extends). Swapping it as a whole like a {@link ReportFolder} would throw that away, so instead:
 *
 * <ul>
 *   <li>{@link #open} locks the folder ({@value FolderLock#FILE_NAME} inside it) for the command's life,
 *       deletes the temporaries killed writers left, and deletes the {@link Manifest}: from then on the
 *       folder reads as unfinished;
 *   <li>every file is written atomically ({@link AtomicFiles}), so each is old or new, never torn;
 *   <li>{@link #finish()} writes the manifest last, listing every file with its digest.
 * </ul>
 *
 * A reader calls {@link Manifest#requireComplete} and so never takes a killed or running command's
 * folder, nor one changed afterwards, for a finished run.
 */
public final class LockedRunFolder implements AutoCloseable {
  private final Path folder;
  private final String command;
  private final FolderLock lock;

  private LockedRunFolder(Path folder, String command, FolderLock lock) {
    this.folder = folder;
    this.command = command;
    this.lock = lock;
  }

  /**
   * Locks a run folder (creating it), cleans up killed writers' temporaries and marks it unfinished.
   *
   * @param folder the run folder
   * @param command the command line, recorded in the lock and the manifest
   * @return the open run folder
   * @throws UsageException if the folder cannot be written or is held by another command (naming it)
   * @throws IOException if a temporary or the old manifest cannot be deleted
   */
  public static LockedRunFolder open(Path folder, String command) throws IOException {
    return open(folder, command, () -> {});
  }

  /**
   * Like {@link #open(Path, String)}, with a check of the folder's contents run once the lock is held
   * and before anything in the folder is changed: a refused folder (say, one holding a finished run
   * that the command may not overwrite) keeps its manifest and files.
   *
   * @param folder the run folder
   * @param command the command line, recorded in the lock and the manifest
   * @param check checks the folder, throwing to refuse it (the lock is then released)
   * @return the open run folder
   * @throws UsageException if the folder cannot be written or is held by another command (naming it)
   * @throws IOException if a temporary or the old manifest cannot be deleted
   */
  public static LockedRunFolder open(Path folder, String command, Runnable check) throws IOException {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UsageException("cannot write to " + Messages.value(folder) + ": it is a file, expected a folder");
    }
    FolderLock lock = FolderLock.inside(folder, command);
    try {
      check.run();
      try (Stream<Path> dirs = Files.walk(lock.file().getParent())) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          AtomicFiles.removeStaleTemporaries(d);
        }
      }
      Files.deleteIfExists(folder.resolve(Manifest.FILE_NAME));
      return new LockedRunFolder(folder, command, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /**
   * The command that held the folder before and was killed, if its lock file was found stale.
   *
   * @return that command's record, for a line such as "continuing a folder left by pid 123 (killed)"
   */
  public Optional<FolderLock.Holder> previousHolder() {
    return lock.previousHolder();
  }

  /**
   * Marks the run finished: writes the manifest of every file in the folder, last.
   *
   * @return the manifest written
   * @throws IOException if a file cannot be read or the manifest written
   */
  public Manifest finish() throws IOException {
    Manifest m = Manifest.of(folder, command);
    m.write(folder);
    return m;
  }

  /**
   * Releases the lock (the folder stays unfinished unless {@link #finish()} ran).
   *
   * @throws IOException if the lock cannot be released
   */
  @Override
  public void close() throws IOException {
    lock.close();
  }
}
