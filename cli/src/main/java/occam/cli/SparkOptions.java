package occam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import occam.distributed.SparkCluster;
import occam.distributed.SparkMaster;
import occam.distributed.SparkTraining;
import occam.distributed.SparkUnavailableException;
import occam.io.UsageException;
import occam.transformer.ensemble.GridListener;
import occam.transformer.ensemble.GridPlan;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.TrainingSummary;
import picocli.CommandLine.Option;

/**
 * The Spark options of the grid commands ({@code scan}, {@code experiment}, {@code train} with lists):
 * {@code --spark MASTER} and {@code --spark-conf KEY=VALUE}, checked as user input, and the start of
 * Spark with its one-line failure (exit 1).
 */
final class SparkOptions {
  @Option(names = "--spark", paramLabel = "MASTER", description = "Run the grid as Apache Spark tasks: local[N] or local[*]"
      + " (embedded, N task threads; local[N,F]: F attempts per task) or spark://HOST:PORT (a standalone cluster, whose"
      + " executors load occam-distributed-*-executor.jar). Same files as without (README: Grids on Spark).")
  String spark;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. spark.cores.max=8"
      + " (repeatable; needs --spark).")
  Map<String, String> conf = new LinkedHashMap<>();

  /**
   * The master of {@code --spark}.
   *
   * @return the master, or null without {@code --spark}
   * @throws UsageException for {@code --spark-conf} without {@code --spark} or a malformed master URL
   */
  SparkMaster master() {
    if (spark == null) {
      if (!conf.isEmpty()) {
        throw new UsageException("--spark-conf needs --spark MASTER (local[*] or spark://HOST:PORT)");
      }
      return null;
    }
    return Commands.userInput(() -> new SparkMaster(spark.trim()));
  }

  /** Work to do on a started Spark application. */
  @FunctionalInterface
  interface OnSpark {
    /**
     * Does the work.
     *
     * @param cluster the running application
     * @return the exit code
     * @throws java.io.IOException if a file cannot be written
     */
    int run(SparkCluster cluster) throws java.io.IOException;
  }

  /**
   * Starts Spark, does the work and stops Spark; a master that cannot be reached, or registers no
   * executor within {@link SparkCluster#DEFAULT_WAIT}, is one line on stderr and exit 1. Failed task
   * attempts are announced on stderr as they happen.
   *
   * @param master the master, from {@link #master()}
   * @param command the subcommand's name, the prefix of the lines (e.g. {@code occam experiment})
   * @param jars jars a cluster's executors need beside the executor jar
   * @param err stderr
   * @param work what to do on Spark
   * @return the work's exit code, or {@link Occam#EXIT_FAILURE}
   * @throws java.io.IOException as the work
   */
  int run(SparkMaster master, String command, List<Path> jars, PrintWriter err, OnSpark work) throws java.io.IOException {
    SparkCluster cluster;
    try {
      cluster = SparkCluster.start(command, master, conf, jars, SparkCluster.DEFAULT_WAIT, note -> {
        err.println(command + ": " + note);
        err.flush();
      });
    } catch (SparkUnavailableException e) {
      err.println(command + ": " + e.getMessage());
      err.flush();
      return Occam.EXIT_FAILURE;
    }
    try (cluster) {
      return work.run(cluster);
    }
  }

  /**
   * Trains a grid here ({@link GridTraining#run}) or, with {@code --spark}, one ensemble per Spark task
   * ({@link SparkTraining}): the grid is planned and its folders checked before Spark starts, and Spark
   * is not started when every run is finished already.
   *
   * @param master the master, from {@link #master()}, or null to train here
   * @param grid the grid
   * @param listener the grid's display
   * @param threads PyTorch CPU threads per Spark task
   * @param command the subcommand's name, the prefix of Spark's lines
   * @param err stderr
   * @return the summaries of the runs trained now, in grid order; empty when Spark could not start (said
   *     on stderr: exit 1)
   * @throws java.io.IOException if a file cannot be written
   * @throws UsageException as {@link GridTraining#plan}, before anything is trained
   */
  Optional<List<TrainingSummary>> train(SparkMaster master, GridTraining grid,
      GridListener listener, int threads, String command, PrintWriter err) throws java.io.IOException {
    if (master == null) {
      return Optional.of(grid.run(listener));
    }
    GridPlan plan = grid.plan(listener);
    if (plan.ensembles().isEmpty()) {
      return Optional.of(List.of());
    }
    List<List<TrainingSummary>> trained = new java.util.ArrayList<>();
    int code = run(master, command, SparkTraining.jars(), err, cluster -> {
      trained.add(SparkTraining.run(cluster, grid, plan, threads, listener));
      return 0;
    });
    return code == 0 ? Optional.of(trained.get(0)) : Optional.empty();
  }
}
