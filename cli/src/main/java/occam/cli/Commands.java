package occam.cli;

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
}
