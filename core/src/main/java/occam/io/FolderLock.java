package occam.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds a run or report folder for the life of one command, so two commands never write the same
 * {@code --out} at once.
 *
 * <p>The lock is an operating-system lock ({@link FileChannel#tryLock()}) on a small lock file that
 * records its {@link Holder} (pid, host, command line). The OS drops the lock when its process dies,
 * however it dies, so a lock file left by a killed command is stale by construction: the next command
 * takes it over (and can say so, {@link #previousHolder()}). A second command while the holder lives
 * gets a {@link UsageException} naming the holder; so does a second thread of the same JVM.
 *
 * <p>The lock file is deleted on {@link #close()}. Since a contender may have opened the file just
 * before it was deleted, a lock counts as taken only if the path still names the file locked (a lock on
 * a deleted file is retried). The holder never opens a second descriptor on its lock file (POSIX would
 * drop the lock when it is closed); locks held in this JVM are looked up in memory. Locks over NFS work
 * where the server runs a lock manager.
 */
public final class FolderLock implements AutoCloseable {
  /** Name of the lock file inside a folder locked with {@link #inside}. */
  public static final String FILE_NAME = ".occam.lock";

  private static final int ATTEMPTS = 10;

  /**
   * Who holds a folder: one JSON line in the lock file.
   *
   * @param pid the process id
   * @param host the host name
   * @param command the command line
   * @param since when the lock was taken (ISO-8601)
   * @param token a random id telling two holders apart
   */
  public record Holder(long pid, String host, String command, String since, String token) {
    /** The holder for one line of a message: {@code pid 123 on host (occam scan …) since …}. */
    public String describe() {
      return "pid " + pid + " on " + Messages.value(host) + " (" + Messages.value(command) + ") since " + since;
    }
  }

  /**
   * The locks this JVM holds, by lock file identity. Checked before any file descriptor is opened on a
   * lock file: POSIX drops every lock a process holds on a file when the process closes any descriptor
   * of it, so a second taker in the same JVM must not open (and close) the file at all.
   */
  private static final Map<Object, FolderLock> HELD = new HashMap<>();

  private final Path folder;
  private final Path file;
  private final Object key;
  private final FileChannel channel;
  private final FileLock lock;
  private final Holder holder;
  private final Holder previous;

  private FolderLock(Path folder, Path file, Object key, FileChannel channel, FileLock lock, Holder holder,
      Holder previous) {
    this.folder = folder;
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
    this.previous = previous;
  }

  /**
   * Locks a folder through the file {@value #FILE_NAME} inside it, creating the folder if needed: for
   * run folders, whose files are written in place.
   *
   * @param folder the folder
   * @param command the command line, recorded for whoever finds the folder locked
   * @return the held lock
   * @throws UsageException naming the holder if another command (or thread) holds the folder, or
   *     naming the folder if it cannot be created or locked
   */
  public static FolderLock inside(Path folder, String command) {
    Path abs = folder.toAbsolutePath().normalize();
    create(abs, folder);
    return acquire(folder, abs.resolve(FILE_NAME), command);
  }

  /**
   * Locks a folder through the file {@code .NAME.lock} beside it: for report folders, which are
   * replaced as a whole ({@link ReportFolder}) and so cannot hold their own lock.
   *
   * @param folder the folder (need not exist)
   * @param command the command line, recorded for whoever finds the folder locked
   * @return the held lock
   * @throws UsageException naming the holder if another command (or thread) holds the folder, or
   *     naming the folder if its parent cannot be created or locked
   */
  public static FolderLock beside(Path folder, String command) {
    Path abs = folder.toAbsolutePath().normalize();
    if (abs.getParent() == null) {
      throw new UsageException("cannot lock " + Messages.value(folder) + ": it has no parent folder");
    }
    create(abs.getParent(), folder);
    return acquire(folder, abs.resolveSibling("." + abs.getFileName() + ".lock"), command);
  }

  private static void create(Path dir, Path folder) {
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new UsageException("cannot write to " + Messages.value(folder) + ": " + AtomicFiles.reason(e));
    }
  }

  private static FolderLock acquire(Path folder, Path file, String command) {
    Holder me = new Holder(ProcessHandle.current().pid(), host(), command, Instant.now().toString(),
        UUID.randomUUID().toString());
    byte[] record = (Json.compact(me) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (HELD) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        FileChannel ch = null;
        try {
          try {
            Files.createFile(file);
          } catch (FileAlreadyExistsException e) {
            // someone's lock file, perhaps stale
          }
          Object key = key(file);
          FolderLock mine = key == null ? null : HELD.get(key);
          if (mine != null) {
            throw held(folder, Optional.of(mine.holder));
          }
          try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
          } catch (NoSuchFileException e) {
            continue; // deleted by its holder meanwhile
          }
          FileLock lock = ch.tryLock();
          if (lock == null) {
            Optional<Holder> holder = read(ch);
            ch.close();
            throw held(folder, holder);
          }
          if (key == null || !key.equals(key(file))) {
            ch.close(); // locked a lock file that its holder deleted meanwhile: try the new one
            continue;
          }
          Optional<Holder> previous = read(ch);
          ch.truncate(0);
          ch.write(ByteBuffer.wrap(record), 0);
          ch.force(true);
          FolderLock l = new FolderLock(folder, file, key, ch, lock, me, previous.orElse(null));
          HELD.put(key, l);
          return l;
        } catch (IOException | OverlappingFileLockException e) {
          closeQuietly(ch);
          throw new UsageException("cannot lock " + Messages.value(folder) + ": " + AtomicFiles.reason(e));
        }
      }
    }
    throw new UsageException("cannot lock " + Messages.value(folder) + ": its lock file " + file
        + " keeps changing; is another command starting on it?");
  }

  /** The identity of the file a path names (device and inode on Unix), or null if absent. */
  private static Object key(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static UsageException held(Path folder, Optional<Holder> h) {
    return new UsageException(Messages.value(folder) + " is in use by " + h.map(Holder::describe)
        .orElse("another command") + "; wait for it to finish or choose another --out");
  }

  private static Optional<Holder> read(FileChannel ch) throws IOException {
    return ch.size() > 1 << 20 ? Optional.empty() : parse(new String(CellJournal.readAll(ch), StandardCharsets.UTF_8));
  }

  private static Optional<Holder> parse(String text) {
    try {
      Holder h = Json.COMPACT.fromJson(text.strip(), Holder.class);
      return h == null || h.token() == null ? Optional.empty() : Optional.of(h);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }

  /** The folder held. */
  public Path folder() {
    return folder;
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** This process's record in the lock file. */
  public Holder holder() {
    return holder;
  }

  /**
   * The holder recorded in a stale lock file this lock took over (a command that was killed), if any.
   *
   * @return the previous holder, empty when the lock file was new or held no record
   */
  public Optional<Holder> previousHolder() {
    return Optional.ofNullable(previous);
  }

  /**
   * Deletes the lock file and releases the lock.
   *
   * @throws IOException if the lock file cannot be deleted or released
   */
  @Override
  public void close() throws IOException {
    synchronized (HELD) {
      if (!channel.isOpen()) {
        return;
      }
      try {
        Files.deleteIfExists(file);
      } finally {
        try {
          lock.release();
        } finally {
          channel.close();
          HELD.remove(key);
        }
      }
    }
  }
}
