package occam.distributed;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import occam.complexity.BdmPreset;
import occam.io.Json;
import occam.transformer.BdmComplexity;
import occam.transformer.Djl;
import occam.transformer.WeightComplexity;
import occam.transformer.ensemble.EnsembleListener;
import occam.transformer.ensemble.EnsembleProgress;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import org.apache.spark.TaskContext;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction2;

/**
 * One Spark task of a training grid: one ensemble of the grid's plan, trained by {@link
 * GridTraining#train} into its members' run folders (which the executors and the driver must share).
 * The task always resumes: a retried attempt, or the task of a re-run driver, reads back the members a
 * previous attempt finished and continues the others from their checkpoints (or starts over a folder
 * killed before its first one), so Spark may rerun it freely. Members travel as {@link
 * TrainingConfig#toJson()} text (a JSON array per ensemble) and summaries come back as {@link
 * TrainingSummary#toJson()} text, one per member in member order.
 *
 * <p>One ensemble trains at a time in a JVM: DJL's PyTorch engine records gradients for one trainer at a
 * time (a second {@code GradientCollector} is refused), so the tasks of one executor, or of an embedded
 * Spark's threads, take turns ({@link #ONE_TRAINER}); the parallelism is the ensemble's members and
 * PyTorch's threads within a JVM, and the executors across machines.
 *
 * <p>{@link TaskFaults} can make a task's first attempt fail halfway through its model·steps.
 */
final class EnsembleTask extends AbstractFunction2<TaskContext, scala.collection.Iterator<String>, ArrayList<String>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Held while an ensemble trains: one at a time per JVM (class loader). */
  private static final Object ONE_TRAINER = new Object();

  private final String parent;
  private final String preset;
  private final String command;
  private final String complexity;
  private final int threads;

  /**
   * Creates the task function from the grid's settings.
   *
   * @param grid the grid (its parent folder, preset, command line and complexity estimate)
   * @param threads PyTorch CPU threads per task (0: PyTorch's default), set before the engine loads
   * @throws IllegalArgumentException if the grid's complexity estimate cannot be rebuilt on an executor
   */
  EnsembleTask(GridTraining grid, int threads) {
    this.parent = grid.parent().toString();
    this.preset = grid.preset();
    this.command = grid.command();
    this.complexity = grid.complexity().description();
    this.threads = threads;
    complexity(complexity); // fail on the driver, not in every task
  }

  @Override
  public ArrayList<String> apply(TaskContext context, scala.collection.Iterator<String> ensembles) {
    if (System.getProperty(Djl.THREADS_PROPERTY) == null) {
      Djl.useThreads(threads);
    }
    ArrayList<String> out = new ArrayList<>();
    for (java.util.Iterator<String> it = CollectionConverters.asJava(ensembles); it.hasNext(); ) {
      List<TrainingConfig> members = new ArrayList<>();
      for (JsonElement e : Json.parseStrict(it.next()).getAsJsonArray()) {
        members.add(TrainingConfig.fromJson(e.getAsJsonObject()));
      }
      GridTraining grid = GridTraining.of(members, Path.of(parent)).resume(true, true).preset(preset).command(command)
          .complexity(complexity(complexity));
      synchronized (ONE_TRAINER) {
        Djl.engine();
        // PyTorch's grad mode is per thread and on by default; the engine switched it off only on the thread
        // that loaded it, and AdamW's in-place updates of the weights need it off (as on a command's main thread)
        JniUtils.setGradMode(false);
        try {
          for (TrainingSummary s : grid.train(members, faults(context, members))) {
            out.add(Json.compact(s.toJson()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /**
   * The members of one ensemble as one task's input.
   *
   * @param members the ensemble
   * @return a JSON array of their configurations
   */
  static String input(List<TrainingConfig> members) {
    JsonArray a = new JsonArray();
    members.forEach(c -> a.add(c.toJson()));
    return Json.compact(a);
  }

  /** No listener, or on a first attempt {@link TaskFaults} names, one that fails halfway. */
  private static EnsembleListener faults(TaskContext context, List<TrainingConfig> members) {
    if (!TaskFaults.failing(context)) {
      return new EnsembleListener() {};
    }
    long half = members.stream().mapToLong(TrainingConfig::steps).sum() / 2;
    return new EnsembleListener() {
      @Override
      public void onStep(EnsembleProgress p) {
        if (p.modelSteps() >= half) {
          throw TaskFaults.failure(context, "after " + p.modelSteps() + " model-steps");
        }
      }
    };
  }

  /**
   * Rebuilds a complexity estimate on an executor from its description.
   *
   * @param description {@link WeightComplexity#description()}
   * @return {@link WeightComplexity#NONE} or the {@link BdmComplexity} of the preset so described
   * @throws IllegalArgumentException for any other estimate
   */
  static WeightComplexity complexity(String description) {
    if (WeightComplexity.NONE.description().equals(description)) {
      return WeightComplexity.NONE;
    }
    for (BdmPreset p : BdmPreset.values()) {
      BdmComplexity bdm = BdmComplexity.of(p);
      if (bdm.description().equals(description)) {
        return bdm;
      }
    }
    throw new IllegalArgumentException("the complexity estimate '" + description + "' cannot run on Spark executors:"
        + " only none and K_BDM are rebuilt there");
  }
}
