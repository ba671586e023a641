package occam.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes result files so that a crash or Ctrl-C never leaves a half-written file: bytes go to a
 * temporary file beside the target, which is then moved over it in one step.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

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

  /**
   * Writes text (UTF-8) atomically.
   *
   * @param target the file to create or replace
   * @param text its content
   * @throws IOException if the file cannot be written
   */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes content atomically: to {@code target.tmp-*} in the same folder, then moved over target.
   *
   * @param target the file to create or replace
   * @param writer produces the content
   * @throws IOException if the file cannot be written (the temporary file is removed)
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
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
   * Gives a temporary file the permissions of an ordinary result file, rw-r--r--: temporary files
   * are created owner-only, and the move would carry that over to the published file.
   */
  private static void readable(Path tmp) throws IOException {
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its defaults
    }
  }

  /**
   * Checks, before any work starts, that a file can be created in its folder (creating the folder
   * if needed), so a long run does not fail at the end.
   *
   * @param target the file that will be written
   * @throws IllegalArgumentException naming the path if it cannot be written
   */
  public static void requireWritable(Path target) {
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException("output path " + target + " is a directory: expected a file");
    }
    requireWritableDirectory(abs.getParent());
  }

  /**
   * Checks that files can be created in a folder, creating it if needed.
   *
   * @param dir the folder
   * @throws IllegalArgumentException naming the folder if files cannot be created in it
   */
  public static void requireWritableDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("cannot write to " + dir + ": it is a file, expected a folder");
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".occam-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("cannot write to " + dir + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }
}
