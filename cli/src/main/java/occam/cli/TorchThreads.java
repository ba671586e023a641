package occam.cli;

import occam.transformer.Djl;
import picocli.CommandLine.Option;

/**
 * {@code --threads}: PyTorch's intra-op CPU threads, for every command that runs a transformer (train,
 * experiment, llc, analyze). Default 1: Occam's models are small, and with more threads than free cores
 * OpenMP's spinning workers thrash ({@link Djl#useThreads}: an LLC estimate ran 27× slower on 2 threads on
 * a busy 2-core machine).
 */
final class TorchThreads {
  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "PyTorch CPU threads (default ${DEFAULT-VALUE}: the models are small, and on a shared machine more"
          + " threads spin and thrash; 0 = one per core; at most 4 per core)")
  private int threads;

  /** @return the threads asked for (0: one per core) */
  int count() {
    return threads;
  }

  /**
   * Sets the threads before the engine loads.
   *
   * @return the threads chosen
   * @throws occam.io.UsageException for a count {@link Djl#useThreads} refuses
   */
  int apply() {
    return Commands.userInput(() -> {
      Djl.useThreads(threads);
      return threads;
    });
  }
}
