package occam.transformer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see the old content or the new, never a half-written file: the
 * bytes go to a temporary file in the same directory, which is then moved over the target
 * (atomically where the file system allows).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Produces a file's content. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out where to write (buffered; closed by the caller)
     * @throws IOException on a write failure
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically, creating its directory if needed.
   *
   * @param target the file to create or replace
   * @param content what to write
   * @throws IOException if writing or moving fails (the target is then unchanged)
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    // createFile (not createTempFile) so the result gets the umask's permissions, not 0600
    Path temp =
        Files.createFile(
            dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp"));
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes a UTF-8 text file atomically.
   *
   * @param target the file
   * @param text its content
   * @throws IOException if writing fails
   */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
