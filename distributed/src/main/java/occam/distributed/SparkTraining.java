package occam.distributed;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import occam.io.Json;
import occam.transformer.ensemble.GridListener;
import occam.transformer.ensemble.GridPlan;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Trains a planned grid ({@link GridTraining#plan}) on Spark: one task per ensemble of the plan ({@link
 * EnsembleTask}), each writing its members' run folders, which the driver and the executors must both
 * see (one machine, or a shared file system). The driver hears each ensemble as its task succeeds: {@link
 * GridListener#onMemberEnd} for every member, then {@link GridListener#onEnsembleEnd}, so the progress
 * display moves by ensembles; a failed task is retried by Spark and its retry resumes the folders the
 * failed attempt left. The folders and summaries equal a local grid's, within the ensemble tolerance when
 * Spark's retries regroup members, and bit for bit otherwise.
 */
public final class SparkTraining {
  /** The PyTorch natives' marker resource, which locates their jar on the driver's class path. */
  private static final String NATIVES = "native/lib/pytorch.properties";

  private SparkTraining() {}

  /**
   * The jars a standalone cluster's executors need for training beside the executor jar: the PyTorch
   * natives (about 110 MB, sent once per executor), found on this JVM's class path.
   *
   * @return the natives jar, or none when they are not in a jar here (the cluster must then have them)
   */
  public static List<Path> jars() {
    URL url = SparkTraining.class.getClassLoader().getResource(NATIVES);
    if (url == null || !"jar".equals(url.getProtocol())) {
      return List.of();
    }
    String file = url.getPath(); // file:/…/pytorch-native-cpu-….jar!/native/lib/pytorch.properties
    try {
      return List.of(Path.of(new java.net.URI(file.substring(0, file.indexOf("!/")))));
    } catch (URISyntaxException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Trains the plan's ensembles as one Spark job, one task per ensemble.
   *
   * @param cluster the running Spark application
   * @param grid the grid (its folders, preset, command line and complexity estimate)
   * @param plan the grid's plan, from {@link GridTraining#plan}
   * @param threads PyTorch CPU threads per task (0: PyTorch's default)
   * @param listener hears {@link GridListener#onStart}, then per ensemble, on the driver as its task
   *     succeeds, {@link GridListener#onMemberEnd} for each member and {@link GridListener#onEnsembleEnd}
   * @return the summaries of the runs trained now, in grid order (as {@link GridTraining#run})
   * @throws IllegalArgumentException if the grid's complexity estimate cannot run on executors
   * @throws org.apache.spark.SparkException (unchecked in Scala) if a task fails more than Spark allows
   */
  public static List<TrainingSummary> run(SparkCluster cluster, GridTraining grid, GridPlan plan, int threads,
      GridListener listener) {
    if (plan.ensembles().isEmpty()) {
      return List.of();
    }
    EnsembleTask task = new EnsembleTask(grid, threads);
    listener.onStart(plan);
    List<String> inputs = plan.ensembles().stream().map(EnsembleTask::input).toList();
    JavaSparkContext sc = cluster.context();
    JavaRDD<String> rdd = sc.parallelize(inputs, inputs.size());
    Map<TrainingConfig, TrainingSummary> done = new LinkedHashMap<>();
    sc.setJobDescription(String.format(Locale.ROOT, "occam: %d runs in %d ensembles", plan.members(), inputs.size()));
    sc.sc().runJob(rdd.rdd(), task, new AbstractFunction2<Object, ArrayList<String>, BoxedUnit>() {
      @Override
      public BoxedUnit apply(Object partition, ArrayList<String> out) {
        List<TrainingSummary> summaries = out.stream()
            .map(text -> TrainingSummary.fromJson(Json.parseStrict(text).getAsJsonObject())).toList();
        for (TrainingSummary s : summaries) {
          done.put(s.config(), s);
          listener.onMemberEnd(s);
        }
        listener.onEnsembleEnd(summaries);
        return BoxedUnit.UNIT;
      }
    }, ClassTag$.MODULE$.apply(ArrayList.class));
    return plan.runs().stream().map(done::get).filter(Objects::nonNull).toList();
  }
}
