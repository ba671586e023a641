package occam.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import occam.fourier.RealDft2Backend;
import occam.io.Json;
import occam.sfm.CpuEngine;
import occam.sfm.SfmConfig;
import occam.sfm.SfmEngine;
import occam.sfm.SfmListener;
import occam.sfm.SfmResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs SFM runs as Apache Spark tasks, one run per task, each by the sequential CPU solver with the
 * same DFT as the local {@link CpuEngine}: the same configs give the same results, bit for bit, on any
 * master. Results come back to the driver as each task succeeds and the listener hears of them there, in
 * finishing order, so a scan journals them as they come (resume after a killed driver) and its progress
 * bar counts tasks. A failed task is retried by Spark (recomputing the same result) and announced in one
 * line; the driver hears of each run once.
 */
public final class SparkEngine implements SfmEngine, AutoCloseable {
  /** How long {@link #start} waits for a standalone master and its first executor by default. */
  public static final Duration DEFAULT_WAIT = SparkCluster.DEFAULT_WAIT;

  private final SparkCluster cluster;
  private final boolean owned;
  private final RealDft2Backend backend;
  private final CpuEngine reference;

  private SparkEngine(SparkCluster cluster, boolean owned, RealDft2Backend backend) {
    this.cluster = cluster;
    this.owned = owned;
    this.backend = backend;
    this.reference = new CpuEngine(backend, 1, Integer.MAX_VALUE);
  }

  /**
   * Runs scans on a started Spark application; {@link #close()} leaves it running.
   *
   * @param cluster the application
   * @param backend the 2D DFT every run uses
   * @return the engine
   */
  public static SparkEngine on(SparkCluster cluster, RealDft2Backend backend) {
    return new SparkEngine(cluster, false, backend);
  }

  /**
   * Starts Spark ({@link SparkCluster#start}) for a scan.
   *
   * @param master where to run
   * @param settings Spark settings laid over Occam's defaults ({@link SparkCluster#start})
   * @param backend the 2D DFT every run uses
   * @param wait how long to wait for the master and an executor
   * @param notes where one-line notes go (failed task attempts that Spark retries)
   * @return the running engine; close it to stop Spark
   * @throws SparkUnavailableException as {@link SparkCluster#start}
   */
  public static SparkEngine start(SparkMaster master, Map<String, String> settings, RealDft2Backend backend,
      Duration wait, Consumer<String> notes) {
    return new SparkEngine(SparkCluster.start("occam scan", master, settings, List.of(), wait, notes), true, backend);
  }

  @Override
  public String name() {
    return "spark " + cluster.master().url() + " (" + reference.resultsKey() + ", " + cluster.slots() + ")";
  }

  /** The numbers are the CPU engine's with the same DFT: a local journal resumes on Spark and back. */
  @Override
  public String resultsKey() {
    return reference.resultsKey();
  }

  /** A local master holds one run per task thread in this JVM; a cluster holds none here (1 for the check). */
  @Override
  public int runsInFlight(long runs) {
    int threads = cluster.master().localThreads(Runtime.getRuntime().availableProcessors()).orElse(1);
    return (int) Math.max(1, Math.min(threads, runs));
  }

  /**
   * Runs the cells as one Spark job, one task per run.
   *
   * @param cells the runs
   * @param listener hears {@link SfmListener#finished} on the driver, once per run, as tasks succeed
   *     ({@link SfmListener#logged} is not called: the iterations happen on the executors)
   * @return one result per cell, in the order given
   */
  @Override
  public List<SfmResult> run(List<SfmConfig> cells, SfmListener listener) {
    if (cells.isEmpty()) {
      return List.of();
    }
    List<String> configs = cells.stream().map(Json::compact).toList();
    JavaSparkContext sc = cluster.context();
    JavaRDD<String> rdd = sc.parallelize(configs, configs.size());
    SfmResult[] results = new SfmResult[cells.size()];
    sc.setJobDescription(String.format(Locale.ROOT, "occam: %d SFM runs", cells.size()));
    sc.sc().runJob(rdd.rdd(), new SfmTask(backend), new AbstractFunction2<Object, ArrayList<String>, BoxedUnit>() {
      @Override
      public BoxedUnit apply(Object partition, ArrayList<String> out) {
        SfmResult r = Json.COMPACT.fromJson(out.get(0), SfmResult.class);
        results[(Integer) partition] = r;
        listener.finished(r);
        return BoxedUnit.UNIT;
      }
    }, ClassTag$.MODULE$.apply(ArrayList.class));
    return List.of(results);
  }

  /** Stops Spark (and, for a cluster, ends the application there) if {@link #start} started it. */
  @Override
  public void close() {
    if (owned) {
      cluster.close();
    }
  }
}
