package occam.transformer.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import occam.transformer.NativeArrays;
import occam.modular.ModularTask;
import occam.modular.TrainSplit;
import occam.transformer.records.ModelConfig;
import occam.transformer.ModularSequences;

/**
 * The training and test cells of K members (each its own split of one task), laid out for one
 * batched forward pass as {@link SetLayout} says.
 */
public final class MemberSets implements AutoCloseable {
  private final SetLayout layout;
  private final NDManager manager;
  private final Cells train;
  private final Cells test;

  /**
   * Rows of one set per member, with the member's weight on each row.
   *
   * @param tokens (K, N, 3) token ids, or (1, N, 3) shared
   * @param labels (K, N) or (1, N) int64 labels
   * @param oneHot (K, N, p) or (1, N, p) float64 one-hot labels
   * @param weight (K, N) float64: 1 on the member's own cells, 0 on padding or the other set
   * @param counts (K) float64: the member's number of cells N_k
   */
  public record Cells(NDArray tokens, NDArray labels, NDArray oneHot, NDArray weight, NDArray counts) {}

  private MemberSets(SetLayout layout, NDManager manager, Cells train, Cells test) {
    this.layout = layout;
    this.manager = manager;
    this.train = train;
    this.test = test;
  }

  /**
   * Lays out the members' splits.
   *
   * @param splits one split per member, all of the same task
   * @param layout index tensors or masks
   * @param parent manager under which the arrays live
   * @return the sets
   * @throws IllegalArgumentException if there are no splits or their tasks differ
   */
  public static MemberSets of(List<TrainSplit> splits, SetLayout layout, NDManager parent) {
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    ModularTask task = splits.get(0).task();
    for (TrainSplit s : splits) {
      if (!s.task().equals(task)) {
        throw new IllegalArgumentException("members train different tasks: " + task + " and " + s.task());
      }
    }
    NDManager manager = parent.newSubManager();
    int k = splits.size();
    int[][] trainCells = new int[k][];
    int[][] testCells = new int[k][];
    for (int i = 0; i < k; i++) {
      trainCells[i] = splits.get(i).train();
      testCells[i] = splits.get(i).test();
    }
    ModularSequences sequences = ModularSequences.of(splits.get(0));
    if (layout == SetLayout.GATHER) {
      return new MemberSets(layout, manager, gathered(manager, sequences, trainCells),
          gathered(manager, sequences, testCells));
    }
    int[] domain = new int[task.domainSize()];
    for (int c = 0; c < domain.length; c++) {
      domain[c] = c;
    }
    return new MemberSets(layout, manager, masked(manager, sequences, domain, trainCells),
        masked(manager, sequences, domain, testCells));
  }

  /** Each member's own cells, padded to the longest with weight-0 copies of its first cell. */
  private static Cells gathered(NDManager manager, ModularSequences sequences, int[][] cells) {
    int k = cells.length;
    int n = 0;
    for (int[] c : cells) {
      n = Math.max(n, c.length);
    }
    int[] rows = new int[k * n];
    double[] weight = new double[k * n];
    double[] counts = new double[k];
    for (int i = 0; i < k; i++) {
      counts[i] = cells[i].length;
      for (int j = 0; j < n; j++) {
        boolean own = j < cells[i].length;
        rows[i * n + j] = own ? cells[i][j] : (cells[i].length > 0 ? cells[i][0] : 0);
        weight[i * n + j] = own ? 1 : 0;
      }
    }
    return cells(manager, sequences, rows, new Shape(k, n), weight, counts);
  }

  /** The whole domain shared by all members, each member weighting its own cells. */
  private static Cells masked(NDManager manager, ModularSequences sequences, int[] domain, int[][] cells) {
    int k = cells.length;
    int n = domain.length;
    double[] weight = new double[k * n];
    double[] counts = new double[k];
    for (int i = 0; i < k; i++) {
      counts[i] = cells[i].length;
      for (int c : cells[i]) {
        weight[i * n + c] = 1;
      }
    }
    return cells(manager, sequences, domain, new Shape(1, n), weight, counts);
  }

  private static Cells cells(
      NDManager manager, ModularSequences sequences, int[] rows, Shape shape, double[] weight, double[] counts) {
    int[] labels = sequences.labels(rows);
    long[] wide = new long[labels.length];
    for (int i = 0; i < labels.length; i++) {
      wide[i] = labels[i];
    }
    NDArray labelArray = NativeArrays.keep(NativeArrays.owned(manager.create(wide, shape)));
    return new Cells(
        NativeArrays.keep(NativeArrays.owned(manager.create(sequences.tokens(rows), shape.add(ModelConfig.TASK_CONTEXT)))),
        labelArray,
        NativeArrays.keep(labelArray.oneHot(sequences.task().p(), DataType.FLOAT64)),
        NativeArrays.keep(NativeArrays.owned(manager.create(weight, new Shape(counts.length, weight.length / counts.length)))),
        NativeArrays.keep(NativeArrays.owned(manager.create(counts, new Shape(counts.length)))));
  }

  /** @return the layout */
  public SetLayout layout() {
    return layout;
  }

  /** @return the training cells */
  public Cells train() {
    return train;
  }

  /** @return the test cells */
  public Cells test() {
    return test;
  }

  /** @return whether the test cells are rows of the training pass (masks), so one forward scores both */
  public boolean testInTrainingPass() {
    return layout == SetLayout.MASK;
  }

  @Override
  public void close() {
    manager.close();
  }
}
