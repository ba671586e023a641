package occam.cli;

import java.util.function.Supplier;
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
}
