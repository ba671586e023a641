package occam.transformer.ensemble;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import occam.modular.ModularTask;
import occam.transformer.records.ModelConfig;
import occam.transformer.records.SettingsGrid;
import occam.transformer.records.TrainingConfig;

/**
 * Runs grouped into ensembles of at most K compatible members ({@link Ensemble#requireCompatible}:
 * same task, architecture, ε and full batch), in the runs' order within each group.
 *
 * <p>Default K ({@link #defaultSize}): {@code min(}{@link #MEASURED_BEST}{@code , ⌊budget / bytes per
 * member⌋)}, at least 1, where the budget is half the machine's available physical memory and a member's
 * bytes are {@link #bytesPerMember} (an estimate of its training step's arrays, taken before anything
 * is allocated). Why 16: K = 1 → 4 gained 1.2× models·steps/s at the quick size on one thread in
 * {@code occam bench train} (56.6 → 67.8 on the shared 2-core box, load ≈ 6), and K = 16 held that
 * rate (65.7, within the noise) with 4× fewer ensembles per grid; a member of the quick size is
 * estimated at 22 MB and of the nanda size at 228 MB (K = 16: 3.6 GB). Re-measure on an idle
 * machine: the 2-thread rows of that run were dominated by the load.
 *
 * @param ensembles the groups, each non-empty and compatible
 */
public record EnsemblePlan(List<List<TrainingConfig>> ensembles) {
  /** Largest K worth using: models·steps/s stopped growing by K = 4–16 at the quick size (see the class comment). */
  public static final int MEASURED_BEST = 16;

  /** Share of the free physical memory an ensemble may plan to use. */
  static final double MEMORY_SHARE = 0.5;

  /**
   * Validates the groups.
   *
   * @throws IllegalArgumentException if a group is empty or holds incompatible runs
   */
  public EnsemblePlan {
    List<List<TrainingConfig>> copy = new ArrayList<>();
    for (List<TrainingConfig> group : ensembles) {
      if (group.isEmpty()) {
        throw new IllegalArgumentException("an ensemble needs at least one member");
      }
      group.forEach(c -> Ensemble.requireCompatible(group.get(0), c));
      copy.add(List.copyOf(group));
    }
    ensembles = List.copyOf(copy);
  }

  /**
   * Splits runs into ensembles of at most K compatible members.
   *
   * @param runs the runs
   * @param maxMembers K, at least 1
   * @return the plan
   * @throws IllegalArgumentException if K &lt; 1 or a run cannot be an ensemble member (mini-batches)
   */
  public static EnsemblePlan of(List<TrainingConfig> runs, int maxMembers) {
    if (maxMembers < 1) {
      throw new IllegalArgumentException("--ensemble " + maxMembers + " is not allowed: an ensemble needs at least 1 member");
    }
    Map<Key, List<TrainingConfig>> groups = new LinkedHashMap<>();
    for (TrainingConfig c : runs) {
      groups.computeIfAbsent(new Key(c.task(), c.model(), c.optimizer().eps(), c.batchSize()), k -> new ArrayList<>())
          .add(c);
    }
    List<List<TrainingConfig>> ensembles = new ArrayList<>();
    for (List<TrainingConfig> group : groups.values()) {
      for (int from = 0; from < group.size(); from += maxMembers) {
        ensembles.add(group.subList(from, Math.min(group.size(), from + maxMembers)));
      }
    }
    return new EnsemblePlan(ensembles);
  }

  /**
   * Splits a settings grid into ensembles of the default size for this machine.
   *
   * @param grid the grid
   * @return the plan
   * @throws IllegalArgumentException as {@link #of}
   */
  public static EnsemblePlan of(SettingsGrid grid) {
    List<TrainingConfig> runs = grid.configs();
    return of(runs, defaultSize(runs.get(0), freeMemory()));
  }

  /** What makes runs compatible. */
  private record Key(ModularTask task, ModelConfig model, double eps, int batch) {}

  /** @return the number of runs */
  public int runs() {
    return ensembles.stream().mapToInt(List::size).sum();
  }

  /**
   * The default ensemble size.
   *
   * @param run a member (its architecture and training-set size)
   * @param freeBytes free physical memory
   * @return min({@link #MEASURED_BEST}, ⌊{@link #MEMORY_SHARE}·freeBytes / {@link #bytesPerMember}⌋), at least 1
   */
  public static int defaultSize(TrainingConfig run, long freeBytes) {
    long fits = (long) (MEMORY_SHARE * freeBytes / bytesPerMember(run));
    return (int) Math.max(1, Math.min(MEASURED_BEST, fits));
  }

  /**
   * Checks that the largest ensemble of the plan fits the memory budget.
   *
   * @param freeBytes free physical memory
   * @throws IllegalArgumentException with the estimate, if it does not fit
   */
  public void requireFits(long freeBytes) {
    for (List<TrainingConfig> group : ensembles) {
      long need = group.size() * bytesPerMember(group.get(0));
      if (need > MEMORY_SHARE * freeBytes) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "an ensemble of %d members needs about %.1f GB, more than half the %.1f GB of free memory;"
                + " use a smaller --ensemble (at most %d)", group.size(), need / 1e9, freeBytes / 1e9,
            defaultSize(group.get(0), freeBytes)));
      }
    }
  }

  /**
   * Estimated bytes one member's full-batch training step holds: parameters with gradient and AdamW
   * moments, plus per training sequence the float32 activations autograd keeps (embedding; per layer
   * Q, K, V, output and residuals, 8·T_q·d, the attention scores and weights, 2·H·T_q·T, and the MLP's
   * hidden layer before and after ReLU, 2·T_q·d_mlp) twice over for the backward pass, plus the
   * float64 loss arrays (logits, softmax, one-hot, gradient, 4·p doubles); the held-out forward pass
   * (no gradient) on top. An estimate for planning, within a factor of about 2 of what libtorch uses.
   *
   * @param run the member
   * @return bytes
   */
  public static long bytesPerMember(TrainingConfig run) {
    ModelConfig m = run.model();
    long t = m.context();
    long perSequence = t * m.dModel();
    for (int l = 0; l < m.layers(); l++) {
      long tq = l == m.layers() - 1 ? 1 : t;
      perSequence += 8 * tq * m.dModel() + 2L * m.heads() * tq * t + 2 * tq * m.dMlp();
    }
    long floatBytes = 4 * perSequence + 2L * m.classes() * 4;
    long lossBytes = 4L * m.classes() * 8;
    long train = run.split().trainSize() * (2 * floatBytes + lossBytes);
    long test = run.split().testSize() * (floatBytes + lossBytes);
    long parameters = 4L * 4 * parameterCount(m);
    return train + test + parameters;
  }

  private static long parameterCount(ModelConfig m) {
    long d = m.dModel();
    long perLayer = 4 * d * d + 2 * d * m.dMlp() + m.dMlp() + d;
    return m.vocab() * d + m.context() * d + m.layers() * perLayer + m.classes() * d;
  }

  /**
   * The machine's available physical memory: {@code MemAvailable} of {@code /proc/meminfo} (free
   * plus reclaimable cache), else the JVM's view of free physical memory.
   *
   * @return bytes
   */
  public static long freeMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getFreeMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }
}
