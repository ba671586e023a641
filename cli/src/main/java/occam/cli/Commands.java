package occam.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import occam.io.Messages;
import occam.io.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Helpers shared by the subcommands. */
final class Commands {
  private Commands() {}

  /**
   * The command line as the user typed it, for the "produced by" line of every written file.
   *
   * @param spec the running subcommand's spec
   * @return e.g. {@code occam scan --p 31 --out dir}
   */
  static String invocation(CommandSpec spec) {
    CommandLine root = spec.commandLine();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    StringBuilder sb = new StringBuilder("occam");
    for (String a : root.getParseResult().originalArgs()) {
      sb.append(' ').append(a.contains(" ") || a.isEmpty() ? "'" + a + "'" : a);
    }
    return sb.toString();
  }

  /**
   * Builds something from the user's options, turning the library's argument checks into usage errors.
   * Every command builds its settings (configs, grids, tasks) through this before any work starts, so
   * bad input exits 2 with one line while an {@link IllegalArgumentException} from inside a run stays an
   * internal failure (exit 1, trace with {@code OCCAM_DEBUG=1}).
   *
   * @param build builds the value from options
   * @param <T> the value type
   * @return the value
   * @throws UsageException carrying the message of the {@link IllegalArgumentException} build threw
   */
  static <T> T userInput(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Checks a path the user gave for output: not empty (which would mean the current folder) and free of
   * U+FFFD, the character a file name's bytes that are not UTF-8 decode to (writing it would change the
   * file name; such paths are refused rather than guessed).
   *
   * @param option the option's name, for the message
   * @param path the path
   * @return the path
   * @throws UsageException naming the option and what is wrong
   */
  static Path outputPath(String option, Path path) {
    String text = path.toString();
    if (text.isBlank()) {
      throw new UsageException(option + " is empty: name a folder");
    }
    if (text.indexOf('\uFFFD') >= 0) {
      throw new UsageException(option + " " + Messages.value(text) + " holds bytes that are not UTF-8 (shown as \uFFFD); "
          + "Occam reads and writes file names as UTF-8: rename it or choose another path");
    }
    return path;
  }

  /**
   * Checks, creating nothing, that a folder can be made: its nearest existing ancestor is a writable
   * folder (not a file).
   *
   * @param option the option's name, for the message
   * @param path the folder
   * @return the path
   * @throws UsageException naming the path and the ancestor in the way
   */
  static Path requireCreatable(String option, Path path) {
    outputPath(option, path);
    Path at = path.toAbsolutePath().normalize();
    while (at != null && !Files.exists(at)) {
      at = at.getParent();
    }
    if (at == null) {
      return path;
    }
    if (!Files.isDirectory(at)) {
      throw new UsageException("cannot write to " + option + " " + Messages.value(path) + ": "
          + Messages.value(at) + " is a file, not a folder");
    }
    if (!Files.isWritable(at)) {
      throw new UsageException("cannot write to " + option + " " + Messages.value(path) + ": "
          + Messages.value(at) + " is not writable");
    }
    return path;
  }

  /**
   * The machine's memory, for checks of native (off-heap) memory.
   *
   * @return bytes, or 0 when the JVM cannot tell
   */
  static long physicalMemory() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : 0;
  }

  /**
   * Says that a SIGINT stopped training with its checkpoint saved (one line on stderr).
   *
   * @param err stderr
   * @param step the step reached
   * @param checkpoint the checkpoint file
   * @param resume how to continue, e.g. "resume with --resume"
   */
  static void sayInterrupted(PrintWriter err, int step, Path checkpoint, String resume) {
    err.println("interrupted at step " + step + "; checkpoint saved"
        + (checkpoint == null ? "" : " (" + checkpoint + ")") + "; " + resume);
    err.flush();
  }
}
