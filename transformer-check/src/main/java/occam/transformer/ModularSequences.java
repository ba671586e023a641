package occam.transformer;

import occam.transformer.records.ModelConfig;

import occam.modular.ModularTask;
import occam.modular.TrainSplit;

/**
 * The token sequences of a split (SPEC §6): domain cell i becomes [u(i), v(i), =] with label
 * c(i) = op(u, v) mod p, in the cell order of {@link TrainSplit#train()} and {@link TrainSplit#test()}.
 *
 * <p>Token ids are the residues 0..p−1 themselves and p for '='. For mul and div the residue 0 is
 * outside the domain and never appears as an input, but keeps its id so that every op shares one
 * vocabulary of V = p + 1.
 */
public final class ModularSequences {
  private final TrainSplit split;
  private final int[] trainCells;
  private final int[] testCells;

  private ModularSequences(TrainSplit split) {
    this.split = split;
    this.trainCells = split.train();
    this.testCells = split.test();
  }

  /**
   * Wraps a split.
   *
   * @param split the seeded split of SPEC §1
   * @return the sequences
   */
  public static ModularSequences of(TrainSplit split) {
    return new ModularSequences(split);
  }

  /** @return the split */
  public TrainSplit split() {
    return split;
  }

  /** @return the task */
  public ModularTask task() {
    return split.task();
  }

  /** @return the training cells, ascending (a copy) */
  public int[] trainCells() {
    return trainCells.clone();
  }

  /** @return the held-out cells, ascending (a copy) */
  public int[] testCells() {
    return testCells.clone();
  }

  /** @return the id of the '=' token, p */
  public int equalsToken() {
    return task().p();
  }

  /**
   * Token rows of the given cells, row-major [u, v, =] per cell.
   *
   * @param cells domain indices
   * @return an array of 3·cells.length token ids
   */
  public int[] tokens(int[] cells) {
    ModularTask task = task();
    int[] tokens = new int[cells.length * ModelConfig.TASK_CONTEXT];
    for (int i = 0; i < cells.length; i++) {
      tokens[3 * i] = task.u(cells[i]);
      tokens[3 * i + 1] = task.v(cells[i]);
      tokens[3 * i + 2] = equalsToken();
    }
    return tokens;
  }

  /**
   * Labels of the given cells.
   *
   * @param cells domain indices
   * @return c = op(u, v) mod p per cell
   */
  public int[] labels(int[] cells) {
    ModularTask task = task();
    int[] labels = new int[cells.length];
    for (int i = 0; i < cells.length; i++) {
      labels[i] = task.label(cells[i]);
    }
    return labels;
  }
}
