package occam.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.io.Json;
import occam.io.MemoryEstimate;
import occam.io.Numbers;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.theory.Crossover;
import occam.theory.DescriptionLength;
import occam.theory.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam theory}: the SFM's analytic predictions for one task and (β, ε_gen), or a table over a
 * log-spaced β grid (SPEC §4, §8).
 */
@Command(
    name = "theory",
    mixinStandardHelpOptions = true,
    subcommands = {LambertWCommand.class},
    description = {
      "Analytic SFM predictions: lambda_mem = m^2/2, lambda_gen = |supp W*|/2, description lengths"
          + " K = support (2 ceil(log2 m) + C_float) bits, and the free-energy crossover n* of"
          + " n eps = c ln n, c = beta (p^2 - p): n* = -(c/eps) W_-1(-eps/c), the smaller root with W_0;"
          + " no crossover when eps/c > 1/e.",
      "With no options: p = 97, op = add, beta = 1e-3, eps = 0.01, where eps/c = 0.00107 < 1/e, so"
          + " the crossover exists (n* = 8416, n*/N = 0.89)."
    })
public final class TheoryCommand implements Callable<Integer> {

  private static final double DEFAULT_BETA = 1e-3;

  /** The double nearest 1/e, the largest ε/c with a crossover. */
  private static final double ONE_OVER_E = 0.36787944117144233;

  private CommandSpec spec;

  /** Receives the command's model and adds the largest p this heap supports to the help. */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    value.usageMessage().footer("Largest p on this heap (" + MemoryEstimate.human(MemoryEstimate.heapLimit())
        + ") and in a few minutes: about " + largestP(MemoryEstimate.heapLimit()) + "; larger p exits 2.");
  }

  @Option(names = "--p", paramLabel = "P", defaultValue = "97",
      description = "Prime modulus p >= 3. Default: ${DEFAULT-VALUE}.")
  int p;

  @Option(names = "--op", paramLabel = "OP", defaultValue = "add",
      description = "Operation: add, sub, mul or div. Default: ${DEFAULT-VALUE}.")
  String op;

  @Option(names = "--beta", paramLabel = "B",
      description = "Occam-gate strength beta > 0. Default: 1e-3. Not with --betas.")
  Double beta;

  @Option(names = "--betas", paramLabel = "LO:HI:K",
      description = "A table over K log-spaced beta from LO to HI instead of one beta.")
  String betas;

  @Option(names = "--eps", paramLabel = "E", defaultValue = "0.01",
      description = "eps_gen > 0, the generalizing solution's training loss. Default: ${DEFAULT-VALUE}.")
  double eps;

  @Option(names = "--c-float", paramLabel = "BITS", defaultValue = "" + DescriptionLength.DEFAULT_C_FLOAT,
      description = "Bits per weight value in K. Default: ${DEFAULT-VALUE}.")
  int cFloat;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  /** The predictions at one β, or at the first β of a grid with the crossover at every β of it. */
  private record Plan(Prediction pr, double[] grid, Crossover[] rows) {}

  /** Heap per value of the DFT behind |supp W*|: the values, interleaved coefficients and the transform's scratch. */
  static final int BYTES_PER_VALUE = 11 * Double.BYTES;

  /**
   * The heap the predictions take at group order m: the DFT of the m target values.
   *
   * @param m the group order
   * @return the estimate
   */
  static MemoryEstimate memory(long m) {
    return MemoryEstimate.of("the DFT of m = " + m + " target values", m, BYTES_PER_VALUE);
  }

  /**
   * The largest p whose predictions fit a heap (m ≤ p) and take at most {@link #MAX_DFT_TERMS} terms.
   *
   * @param limitBytes the heap
   * @return the largest p that fits
   */
  static long largestP(long limitBytes) {
    long byTime = (long) Math.sqrt(MAX_DFT_TERMS);
    return Math.min(byTime, MemoryEstimate.largest(p -> memory(p).bytes(), 3, Integer.MAX_VALUE, limitBytes));
  }

  /** The most terms of the O(m²) DFT behind |supp W*| the command takes on (a few minutes). */
  static final double MAX_DFT_TERMS = 1e11;

  /** Terms of that DFT a second on a 2020s CPU core (measured: 9e8 terms in about 2 s). */
  static final double DFT_TERMS_PER_SECOND = 5e8;

  @Override
  public Integer call() {
    Plan plan = Commands.userInput(this::plan);
    Prediction pr = plan.pr();
    double[] grid = plan.grid();
    Crossover[] rows = plan.rows();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.compact(json(pr, grid, rows)));
    } else {
      text(out, pr, grid, rows);
    }
    out.flush();
    return 0;
  }

  private Plan plan() {
    if (beta != null && betas != null) {
      throw new IllegalArgumentException("--beta and --betas are not allowed together: give one");
    }
    ModularTask task = ModularTask.of(p, Op.parse(op));
    memory(task.groupOrder()).requireFits("p = " + p, "p ≤ " + largestP(MemoryEstimate.heapLimit()));
    double terms = (double) task.groupOrder() * task.groupOrder();
    if (terms > MAX_DFT_TERMS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "p = %d would take ~%.0f minutes: "
          + "|supp W*| comes from a naive O(m^2) DFT of %.3g terms (about %.0e a second); choose p ≤ %d",
          p, terms / DFT_TERMS_PER_SECOND / 60, terms, DFT_TERMS_PER_SECOND, largestP(MemoryEstimate.heapLimit())));
    }
    double[] grid = betas == null ? null : occam.sfm.scan.Grid.parse("--betas", betas, true).values();
    // With a grid, the beta-free predictions (lambda, K, thresholds) come from its first beta.
    double firstBeta = grid != null ? grid[0] : beta != null ? beta : DEFAULT_BETA;
    Prediction pr = Prediction.of(task, firstBeta, eps, cFloat);
    Crossover[] rows = null;
    if (grid != null) {
      rows = new Crossover[grid.length];
      for (int i = 0; i < grid.length; i++) {
        rows[i] = Crossover.of(p, grid[i], eps);
      }
    }
    return new Plan(pr, grid, rows);
  }

  private static JsonObject json(Prediction pr, double[] grid, Crossover[] rows) {
    JsonObject o = new JsonObject();
    o.addProperty("p", pr.task().p());
    o.addProperty("op", pr.task().op().cliName());
    o.addProperty("m", pr.m());
    o.addProperty("N", pr.domainSize());
    o.addProperty("support_gen", pr.generalizingSupport());
    o.addProperty("lambda_mem", pr.lambdaMem());
    o.addProperty("lambda_gen", pr.lambdaGen());
    o.addProperty("lambda_ratio", pr.lambdaRatio());
    o.addProperty("c_float", pr.cFloat());
    o.addProperty("k_mem_bits", pr.kMem());
    o.addProperty("k_gen_bits", pr.kGen());
    o.addProperty("delta_k_bits", pr.deltaK());
    o.addProperty("n_cs", pr.compressedSensingThreshold());
    o.addProperty("n_donoho_tanner", pr.donohoTannerThreshold());
    o.addProperty("eps", pr.epsilon());
    if (grid == null) {
      o.addProperty("beta", pr.beta());
      addCrossover(o, pr.crossover(), pr.domainSize());
    } else {
      JsonArray scan = new JsonArray();
      for (int i = 0; i < grid.length; i++) {
        JsonObject row = new JsonObject();
        row.addProperty("beta", grid[i]);
        addCrossover(row, rows[i], pr.domainSize());
        scan.add(row);
      }
      o.add("scan", scan);
    }
    return o;
  }

  private static void addCrossover(JsonObject o, Crossover x, int domainSize) {
    o.addProperty("c", x.c());
    o.addProperty("eps_over_c", x.ratio());
    o.addProperty("crossover", x.exists());
    o.add("n_low", Json.number(x.lower()));
    o.add("n_star", Json.number(x.nStar()));
    o.add("n_star_over_N", Json.number(x.nStar() / domainSize));
  }

  private static void text(PrintWriter out, Prediction pr, double[] grid, Crossover[] rows) {
    int bits = DescriptionLength.bitsPerWeight(pr.m(), pr.cFloat());
    out.printf(Locale.ROOT, "SFM theory: p = %d, op = %s, m = %d, N = %d, eps = %s, C_float = %d%n",
        pr.task().p(), pr.task().op().cliName(), pr.m(), pr.domainSize(), Numbers.precise(pr.epsilon()), pr.cFloat());
    line(out, "lambda_mem", Numbers.precise(pr.lambdaMem()), "m^2/2");
    line(out, "lambda_gen", Numbers.precise(pr.lambdaGen()), "|supp W*|/2, |supp W*| = " + pr.generalizingSupport());
    line(out, "lambda ratio", Numbers.precise(pr.lambdaRatio()), "lambda_mem/lambda_gen");
    line(out, "K_mem", Numbers.precise(pr.kMem()) + " bits", "m^2 x " + bits + " (2 ceil(log2 m) + C_float)");
    line(out, "K_gen", Numbers.precise(pr.kGen()) + " bits", "|supp W*| x " + bits);
    line(out, "Delta K", Numbers.precise(pr.deltaK()) + " bits", "K_mem - K_gen");
    line(out, "n_cs", Numbers.precise(pr.compressedSensingThreshold()), "2 s ln(N/s), s = |supp W*| (l1 recovery)");
    line(out, "n_DT", Numbers.precise(pr.donohoTannerThreshold()), "2s W_0(N/2s) (Donoho-Tanner, s << N)");
    if (grid == null) {
      Crossover x = pr.crossover();
      line(out, "beta", Numbers.precise(pr.beta()), "");
      line(out, "c", Numbers.precise(x.c()), "beta (p^2 - p)");
      line(out, "eps/c", Numbers.precise(x.ratio()), "crossover needs eps/c <= 1/e = " + Numbers.precise(ONE_OVER_E));
      if (x.exists()) {
        line(out, "n*", Numbers.precise(x.nStar()), "larger root, -(c/eps) W_-1(-eps/c)");
        line(out, "n_low", Numbers.precise(x.lower()), "smaller root, -(c/eps) W_0(-eps/c)");
        line(out, "n*/N", Numbers.precise(x.nStar() / pr.domainSize()), "");
      } else {
        line(out, "n*", "none", noCrossover(x));
      }
      return;
    }
    out.printf(Locale.ROOT, "%-12s %-12s %-12s %-12s %-12s %s%n", "beta", "c", "eps/c", "n_low", "n*", "n*/N");
    for (int i = 0; i < grid.length; i++) {
      Crossover x = rows[i];
      out.printf(Locale.ROOT, "%-12s %-12s %-12s %-12s %-12s %s%n", Numbers.precise(grid[i]), Numbers.precise(x.c()), Numbers.precise(x.ratio()),
          x.exists() ? Numbers.precise(x.lower()) : "-", x.exists() ? Numbers.precise(x.nStar()) : "none",
          x.exists() ? Numbers.precise(x.nStar() / pr.domainSize()) : "(eps/c > 1/e)");
    }
  }

  private static String noCrossover(Crossover x) {
    return "no crossover: eps/c = " + Numbers.precise(x.ratio()) + " > 1/e = " + Numbers.precise(ONE_OVER_E);
  }

  private static void line(PrintWriter out, String name, String value, String note) {
    out.println(String.format(Locale.ROOT, "%-13s %-16s %s", name, value, note).stripTrailing());
  }
}
