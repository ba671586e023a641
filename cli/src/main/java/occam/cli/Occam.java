package occam.cli;

import occam.io.Messages;
import occam.io.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code occam} command line: one subcommand per job, exit codes 0 (success), 2 (bad usage or
 * input, one line on stderr) and 1 (runtime failure).
 */
@Command(
    name = "occam",
    mixinStandardHelpOptions = true,
    versionProvider = OccamVersion.class,
    description = "Makes the Singular Feature Machine theory of grokking testable.",
    subcommands = {ScanCommand.class, RunCommand.class, TheoryCommand.class, TrainCommand.class, AnalyzeCommand.class, CompareCommand.class, ExperimentCommand.class, LeagueCommand.class, PredictCommand.class, BdmCommand.class,
        CtmCommand.class, BenchCommand.class, LlcCommand.class, HelpCommand.class})
public final class Occam {

  /** Exit code for bad usage or input. */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a failure while running. */
  public static final int EXIT_FAILURE = 1;

  private Occam() {}

  /**
   * Builds the command line with Occam's error handling: picocli's parameter errors and {@link
   * UsageException}s (bad input, checked at each command's boundary) become one line and exit 2; any
   * other exception, {@link IllegalArgumentException} included, is an internal failure: one line naming
   * it and exit 1 (stack trace only with {@code OCCAM_DEBUG=1}).
   *
   * @return the configured command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(Occam.class);
    cl.setParameterExceptionHandler(Occam::onParameterException);
    cl.setExecutionExceptionHandler(Occam::onExecutionException);
    return cl;
  }

  private static int onParameterException(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()));
    err.flush();
    return EXIT_USAGE;
  }

  /**
   * Maps a failure while running to its exit code and one line on stderr.
   *
   * @param e what the command threw
   * @param cl the command line that ran
   * @param parsed the parse result
   * @return {@link #EXIT_USAGE} for a {@link UsageException}, {@link #EXIT_FAILURE} for anything else
   */
  static int onExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    Throwable cause = e;
    while (cause instanceof CommandLine.ExecutionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if ("1".equals(System.getenv("OCCAM_DEBUG"))) {
      cause.printStackTrace(err);
    }
    String name = cl.getCommandSpec().qualifiedName();
    if (cause instanceof UsageException || cause instanceof CommandLine.ParameterException) {
      err.println(name + ": " + oneLine(cause.getMessage()));
      err.flush();
      return EXIT_USAGE;
    }
    String what = cause.getMessage() == null ? "" : ": " + oneLine(cause.getMessage());
    err.println(name + ": internal error (" + cause.getClass().getSimpleName() + what
        + "); run with OCCAM_DEBUG=1 for the stack trace");
    err.flush();
    return EXIT_FAILURE;
  }

  /** The most characters of a message on stderr; a longer one (a 50 MB token echoed back) is cut. */
  static final int MAX_MESSAGE_CHARS = 400;

  /** A message as one short line: line breaks joined, control characters escaped, cut ({@link Messages}). */
  private static String oneLine(String s) {
    return s == null ? "" : Messages.value(s.replaceAll("\\s*\\R\\s*", " ").trim(), MAX_MESSAGE_CHARS);
  }

  /**
   * Entry point.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine().execute(args));
  }
}
