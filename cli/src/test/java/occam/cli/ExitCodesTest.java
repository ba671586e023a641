package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import occam.io.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Occam's exit codes: bad usage 2, anything else thrown while running 1 (an internal error). */
class ExitCodesTest {

  /** A test-only subcommand that throws what it is told to. */
  @Command(name = "throw")
  static final class Thrower implements Callable<Integer> {
    @Option(names = "--what")
    String what;

    @Override
    public Integer call() {
      switch (what) {
        case "usage":
          throw new UsageException("--x 3 is not allowed: it must be even");
        case "argument":
          throw new IllegalArgumentException("index 7 out of range\n  deep inside");
        default:
          throw new IllegalStateException();
      }
    }
  }

  private static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Occam.commandLine();
    cl.addSubcommand("throw", new Thrower());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new CliRun(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void usageErrorIsExitTwoWithItsMessage() {
    CliRun r = run("throw", "--what", "usage");
    assertEquals(Occam.EXIT_USAGE, r.exit());
    assertEquals("occam throw: --x 3 is not allowed: it must be even", r.err().strip());
  }

  @Test
  void illegalArgumentWhileRunningIsAnInternalErrorExitOne() {
    CliRun r = run("throw", "--what", "argument");
    assertEquals(Occam.EXIT_FAILURE, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("occam throw: internal error (IllegalArgumentException: index 7 out of range deep inside);"
        + " run with OCCAM_DEBUG=1 for the stack trace", r.err().strip());
  }

  @Test
  void anyOtherExceptionIsExitOneNamingItsClass() {
    CliRun r = run("throw", "--what", "state");
    assertEquals(Occam.EXIT_FAILURE, r.exit());
    assertTrue(r.err().startsWith("occam throw: internal error (IllegalStateException);"), r.err());
  }

  @Test
  void parameterErrorsAreExitTwo() {
    CliRun r = run("throw", "--nope");
    assertEquals(Occam.EXIT_USAGE, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("occam throw: "), r.err());
  }

  @Test
  void conversionErrorsNameTheSubcommand() {
    CliRun r = run("train", "--steps", "many");
    assertEquals(Occam.EXIT_USAGE, r.exit());
    assertTrue(r.err().startsWith("occam train: "), r.err());
    assertTrue(r.err().contains("--steps"), r.err());
  }
}
