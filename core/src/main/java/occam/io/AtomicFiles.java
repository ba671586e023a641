package occam.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes result files so that a crash or Ctrl-C never leaves a half-written file: bytes go to a
 * temporary file beside the target, which is then moved over it in one step. Only a regular file is
 * ever replaced; what the target path names decides how it is written:
 *
 * <ul>
 *   <li><b>absent or a regular file</b>: written to a hidden temporary {@code .NAME.tmp-PID-RANDOM} in
 *       the same folder and renamed over the target (atomic: a reader sees the old or the new file).
 *   <li><b>a symbolic link</b> (or a chain of them) to a regular file, or a dangling one: the links are
 *       followed and the file they lead to is replaced atomically as above; the links stay links. A
 *       user who links {@code out/trace.csv} to a file elsewhere means that file.
 *   <li><b>a FIFO or a character device</b> ({@code --trace /dev/stdout}, {@code /dev/null}, a named
 *       pipe): written through, the whole content in one stream opened for appending, never replaced.
 *       This is not atomic (a failing writer leaves part of its output in the stream), and opening a
 *       FIFO waits for a reader, as in a shell.
 *   <li><b>a link kept by the kernel for an open file</b> ({@code /dev/stdout → /proc/self/fd/1} when
 *       the shell redirected stdout to a file): written through as well, by appending, so the shell's
 *       redirection keeps its file; replacing the file would detach it from the process's stdout.
 *   <li><b>a folder, a block device, a socket</b> or anything else: refused with a {@link UsageException}
 *       naming the path, before any byte is written.
 * </ul>
 *
 * {@link #removeStaleTemporaries(Path)} deletes the temporaries a killed writer left behind.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Marks a temporary file: {@code .NAME.tmp-PID-RANDOM}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-(\\d+)-\\d+");

  /** How many symbolic links are followed before giving up (Linux's ELOOP limit). */
  private static final int MAX_LINKS = 40;

  /** Writes the bytes of an output stream. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes the content.
     *
     * @param out where to write
     * @throws IOException on failure
     */
    void write(OutputStream out) throws IOException;
  }

  /** Where the bytes for a target path go. */
  private record Destination(Path path, boolean through) {}

  /**
   * Writes text (UTF-8) atomically.
   *
   * @param target the file to create or replace
   * @param text its content
   * @throws IOException if the file cannot be written
   * @throws UsageException if the target is a folder or another file that is never replaced
   */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes content: atomically to a regular file (through a temporary beside it), or straight into a
   * FIFO or character device; see the class comment for each kind of target.
   *
   * @param target the file to create or replace
   * @param writer produces the content
   * @throws IOException if the file cannot be written (the temporary file is removed)
   * @throws UsageException if the target is a folder or another file that is never replaced
   */
  public static void write(Path target, Writer writer) throws IOException {
    Destination d = destination(target);
    if (d.through()) {
      try (OutputStream out = Files.newOutputStream(d.path(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        writer.write(out);
      }
      return;
    }
    Path abs = d.path();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-", "");
    try {
      readable(tmp);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Decides where a target's bytes go (see the class comment).
   *
   * @throws UsageException for a target that is never written
   */
  private static Destination destination(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    BasicFileAttributes followed = attributes(abs);
    if (followed != null && followed.isDirectory()) {
      throw new UsageException("cannot write " + Messages.value(target) + ": it is a folder, expected a file");
    }
    if (followed != null && followed.isOther()) {
      String kind = kind(abs);
      if (kind.equals("FIFO") || kind.equals("character device")) {
        return new Destination(abs, true);
      }
      throw new UsageException("cannot write " + Messages.value(target) + ": it is a " + kind
          + "; expected a file, a FIFO or a character device");
    }
    Path p = abs;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == MAX_LINKS) {
        throw new UsageException("cannot write " + Messages.value(target) + ": more than " + MAX_LINKS
            + " symbolic links in a row");
      }
      Path dir = p.getParent();
      if (Files.isDirectory(dir) && dir.toRealPath().startsWith("/proc")) {
        if (followed == null) {
          throw new UsageException("cannot write " + Messages.value(target) + ": it names a file that was deleted");
        }
        return new Destination(abs, true);
      }
      p = dir.resolve(Files.readSymbolicLink(p));
    }
    return new Destination(p, false);
  }

  /** The attributes of what a path finally names, links followed; null if nothing is there. */
  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(p)) {
        return null; // a loop of links: counted and refused while following them
      }
      throw e;
    }
  }

  /** The kind of a file that is neither regular, nor a folder, nor a link, from its POSIX mode. */
  private static String kind(Path p) {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(p, "unix:mode");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "special file";
    }
    return switch (mode & 0170000) {
      case 0010000 -> "FIFO";
      case 0020000 -> "character device";
      case 0060000 -> "block device";
      case 0140000 -> "socket";
      default -> "special file";
    };
  }

  /**
   * Gives a temporary file the permissions of an ordinary result file, rw-r--r--: temporary files
   * are created owner-only, and the move would carry that over to the published file.
   */
  private static void readable(Path tmp) throws IOException {
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its defaults
    }
  }

  /**
   * Deletes the temporary files ({@code .NAME.tmp-PID-RANDOM}) that writers killed before their rename
   * left in a folder. A temporary whose process still runs (this one included) is kept: it may be
   * being written. Nothing else is touched.
   *
   * @param dir the folder (absent is fine)
   * @return the temporaries deleted
   * @throws IOException if the folder cannot be listed or a temporary cannot be deleted
   */
  public static List<Path> removeStaleTemporaries(Path dir) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        Matcher m = TEMPORARY.matcher(e.getFileName().toString());
        if (m.matches() && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && !alive(m.group(1))) {
          Files.deleteIfExists(e);
          removed.add(e);
        }
      }
    }
    return removed;
  }

  /**
   * Whether a file name is that of a temporary this class writes ({@code .NAME.tmp-PID-RANDOM}).
   *
   * @param name a file name
   * @return true for a temporary
   */
  public static boolean isTemporary(String name) {
    return TEMPORARY.matcher(name).matches();
  }

  /** Whether the process with this id runs (an id too long for a pid counts as not running). */
  static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Checks, before any work starts, that a file can be written: a FIFO or character device must be
   * writable; otherwise a file must be creatable where the path (its links followed) leads, creating
   * the folder if needed, so a long run does not fail at the end.
   *
   * @param target the file that will be written
   * @throws IllegalArgumentException naming the path if it cannot be written
   */
  public static void requireWritable(Path target) {
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException("output path " + Messages.value(target) + " is a directory: expected a file");
    }
    Destination d;
    try {
      d = destination(abs);
    } catch (UsageException e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write to " + Messages.value(target) + ": " + reason(e));
    }
    if (d.through()) {
      if (!Files.isWritable(abs)) {
        throw new IllegalArgumentException("cannot write to " + Messages.value(target) + ": permission denied");
      }
      return;
    }
    requireWritableDirectory(d.path().getParent());
  }

  /**
   * Checks that files can be created in a folder, creating it if needed.
   *
   * @param dir the folder
   * @throws IllegalArgumentException naming the folder if files cannot be created in it
   */
  public static void requireWritableDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("cannot write to " + Messages.value(dir) + ": it is a file, expected a folder");
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".occam-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("cannot write to " + Messages.value(dir) + ": " + reason(e));
    }
  }

  /** The exception's kind and message, for a one-line error. */
  static String reason(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + Messages.value(e.getMessage()));
  }
}
