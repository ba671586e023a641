package occam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code occam theory}: the SFM's analytic predictions for one setting. (Filled in by the theory work.) */
@Command(name = "theory", mixinStandardHelpOptions = true,
    description = "Analytic SFM predictions: lambda, K, free energy, crossover n*.")
public final class TheoryCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
