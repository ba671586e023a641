package occam.complexity.ctm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes the output frequency distribution D(n, m) of every machine of a space exactly, with the
 * reductions of the literature and a lazily defined enumeration tree.
 *
 * <p>Reductions (Soler-Toscano et al. 2014, "Reduction techniques"), with K = 2nm + m:
 *
 * <ul>
 *   <li>the first transition (state 1 reading the blank) is counted analytically: halting on it writes
 *       one symbol (output "w", K^(nm−1) machines each); staying in state 1 walks off on blank tape
 *       forever (2m·K^(nm−1) non-halting machines);
 *   <li>left–right symmetry: only machines whose first move is to the right are run; each of their
 *       outputs s is also counted, as many times, for the mirror machine, as reverse(s);
 *   <li>state relabelling and lazy definition (see {@link TreeWalker}): a machine is only specified
 *       as far as its run reads its table, and each leaf carries the number of full machines it stands
 *       for;
 *   <li>escapees: a machine reaching a fresh blank cell in a state whose blank entry keeps that state
 *       and direction never halts and is stopped at once.
 * </ul>
 *
 * Subtrees are run in parallel, each worker thread with its own walker; counts are exact long sums, so
 * the result does not depend on scheduling.
 */
public final class OutputFrequencyEnumerator {

  /** Subtrees per worker thread aimed for, so that uneven subtrees still balance. */
  private static final int TASKS_PER_THREAD = 64;

  private OutputFrequencyEnumerator() {}

  /**
   * Enumerates a space.
   *
   * @param space the machine space and cut-off
   * @param threads worker threads, at least 1
   * @param listener progress receiver
   * @return the distribution over all K^(nm) machines
   * @throws IllegalArgumentException if threads &lt; 1
   * @throws IllegalStateException if a worker fails or the enumeration is interrupted
   */
  public static OutputDistribution enumerate(
      TuringMachineSpace space, int threads, EnumerationListener listener) {
    return enumerate(space, threads, listener, 62);
  }

  /**
   * As {@link #enumerate(TuringMachineSpace, int, EnumerationListener)}, packing outputs of at most
   * {@code packedBits} bits into long keys (tests lower it to exercise the string path).
   */
  static OutputDistribution enumerate(
      TuringMachineSpace space, int threads, EnumerationListener listener, int packedBits) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " is not allowed: need at least 1");
    }
    long start = System.nanoTime();
    int n = space.states();
    int m = space.symbols();
    int entries = space.entries();
    long rest = space.machineCount() / space.choicesPerEntry();

    Map<String, Long> counts = new HashMap<>();
    for (int w = 0; w < m; w++) {
      counts.merge(String.valueOf(w), rest, Long::sum);
    }
    long nonHalting = 2L * m * rest;
    long simulated = 0;
    long transitions = 0;

    if (n >= 2) {
      List<TreeWalker.Prefix> roots = new ArrayList<>();
      for (int w = 0; w < m; w++) {
        int[] write = new int[entries];
        int[] move = new int[entries];
        int[] next = new int[entries];
        Arrays.fill(next, -1);
        write[0] = w;
        move[0] = 1;
        next[0] = 2;
        roots.add(new TreeWalker.Prefix(write, move, next, 2, n - 1));
      }
      TreeWalker splitter = new TreeWalker(space, packedBits);
      List<TreeWalker.Prefix> tasks = roots;
      for (int depth = 2; tasks.size() < TASKS_PER_THREAD * threads && depth < entries; depth++) {
        splitter = new TreeWalker(space, packedBits);
        List<TreeWalker.Prefix> deeper = new ArrayList<>();
        for (TreeWalker.Prefix root : roots) {
          deeper.addAll(splitter.split(root, depth));
        }
        tasks = deeper;
      }
      List<TreeWalker> walkers =
          new ArrayList<>(run(space, tasks, threads, listener, start, packedBits));
      walkers.add(splitter);
      for (TreeWalker walker : walkers) {
        walker.outputs.forEach((key, c) -> addMirrored(counts, walker.decode(key), c));
        walker.longOutputs.forEach((s, c) -> addMirrored(counts, s, c));
        nonHalting += 2 * walker.nonHalting;
        simulated += walker.leaves;
        transitions += walker.transitions;
      }
    }
    long halting = space.machineCount() - nonHalting;
    return new OutputDistribution(
        space,
        new TreeMap<>(counts),
        halting,
        nonHalting,
        simulated,
        transitions,
        System.nanoTime() - start);
  }

  private static void addMirrored(Map<String, Long> counts, String s, long c) {
    counts.merge(s, c, Long::sum);
    counts.merge(new StringBuilder(s).reverse().toString(), c, Long::sum);
  }

  private static List<TreeWalker> run(
      TuringMachineSpace space,
      List<TreeWalker.Prefix> tasks,
      int threads,
      EnumerationListener listener,
      long start,
      int packedBits) {
    AtomicInteger nextTask = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Object lock = new Object();
    List<Callable<TreeWalker>> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(
          () -> {
            TreeWalker walker = new TreeWalker(space, packedBits);
            for (int t; (t = nextTask.getAndIncrement()) < tasks.size(); ) {
              walker.walk(tasks.get(t));
              int finished = done.incrementAndGet();
              synchronized (lock) {
                listener.progress(
                    new EnumerationProgress(
                        space, finished, tasks.size(), System.nanoTime() - start));
              }
            }
            return walker;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<TreeWalker> result = new ArrayList<>();
      for (Future<TreeWalker> f : pool.invokeAll(workers)) {
        result.add(f.get());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("enumeration of " + space.label() + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "enumeration of " + space.label() + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
