package occam.cli;

import java.io.PrintWriter;
import occam.io.UsageException;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.theory.LambertW0;
import occam.theory.LambertWm1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code occam theory lambertw}: real branches of the Lambert W function, one value per line. */
@Command(
    name = "lambertw",
    mixinStandardHelpOptions = true,
    description = {
      "Real branches of the Lambert W function: W(X) for each X, one per line, %%.17g.",
      "Branch 0: X >= -1/e = -0.36787944117144233 (that double gives -1).",
      "Branch -1: -1/e <= X <= 0 (X = 0 gives -Infinity, the limit at 0-).",
      "Negative X may follow '--', as in: occam theory lambertw --branch -1 -- -0.1 -1e-300"
    })
public final class LambertWCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--branch", paramLabel = "0|-1", defaultValue = "0",
      description = "Branch: 0 (principal W0) or -1 (lower W-1). Default: ${DEFAULT-VALUE}.")
  int branch;

  @Parameters(arity = "1..*", paramLabel = "X", description = "Arguments x, solved for w in w e^w = x.")
  double[] xs;

  @Override
  public Integer call() {
    if (branch != 0 && branch != -1) {
      throw new UsageException("branch = " + branch + " is not allowed: branch must be 0 or -1");
    }
    double[] w = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      w[i] = branch == 0 ? LambertW0.value(xs[i]) : LambertWm1.value(xs[i]);
      if (Double.isNaN(w[i])) {
        throw new UsageException("x = " + xs[i] + " is not allowed: " + (branch == 0
            ? "W0 is real for x >= -1/e (-0.36787944117144233)"
            : "W-1 is real for -1/e (-0.36787944117144233) <= x <= 0"));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (double v : w) {
      out.println(String.format(Locale.ROOT, "%.17g", v));
    }
    out.flush();
    return 0;
  }
}
