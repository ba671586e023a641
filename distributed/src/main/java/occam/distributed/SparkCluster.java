package occam.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A running Spark application that Occam's grids submit their jobs to: an embedded Spark for a local
 * master, or the driver of an application on a standalone cluster (or under spark-submit). Started with
 * a bounded wait, so an unreachable master or one without executors fails with one line; a failed task
 * attempt is announced in one line and Spark retries it.
 */
public final class SparkCluster implements AutoCloseable {
  /** How long {@link #start} waits for a standalone master and its first executor by default. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final JavaSparkContext sc;
  private final SparkMaster master;

  private SparkCluster(JavaSparkContext sc, SparkMaster master) {
    this.sc = sc;
    this.master = master;
  }

  /**
   * Starts Spark (embedded for a local master, as an application of a standalone one) and, for a
   * standalone master, waits until an executor has registered.
   *
   * @param app the application name (Spark's UI and logs)
   * @param master where to run
   * @param settings Spark settings (key = value) laid over Occam's defaults (no web UI; driver on
   *     127.0.0.1 when the master is local or on loopback; for a standalone master, the executor jar and
   *     {@code jars} as {@code spark.jars} unless spark-submit or the settings gave one) and over spark.*
   *     system properties (spark-submit's)
   * @param jars further jars a standalone cluster's executors need beside the executor jar
   * @param wait how long to wait for the master and an executor
   * @param notes where one-line notes go (failed task attempts that Spark retries)
   * @return the running application; close it to stop Spark
   * @throws SparkUnavailableException if the master cannot be reached or no executor registers within
   *     {@code wait}, or a cluster run finds no executor jar
   */
  public static SparkCluster start(String app, SparkMaster master, Map<String, String> settings, List<Path> jars,
      Duration wait, Consumer<String> notes) {
    Optional<SparkMaster.HostPort> remote = master.standalone();
    remote.ifPresent(hp -> probe(hp, wait));
    SparkConf conf = new SparkConf(true) // spark-submit passes its settings as spark.* system properties
        .setMaster(master.url())
        .setAppName(app)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false");
    if (master.local() || remote.map(SparkMaster.HostPort::loopback).orElse(false)) {
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    settings.forEach(conf::set);
    if (remote.isPresent() && !conf.contains("spark.jars")) {
      List<Path> all = new ArrayList<>(List.of(executorJar()));
      all.addAll(jars);
      conf.set("spark.jars", all.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    JavaSparkContext sc = construct(conf, master, wait);
    sc.sc().addSparkListener(new RetryNotes(notes));
    SparkCluster cluster = new SparkCluster(sc, master);
    if (remote.isPresent()) {
      cluster.awaitExecutor(wait);
    }
    return cluster;
  }

  /** @return the Spark context jobs run on */
  public JavaSparkContext context() {
    return sc;
  }

  /** @return where Spark runs */
  public SparkMaster master() {
    return master;
  }

  /** @return the task threads of a local master, else the executors registered, and which of the two */
  public String slots() {
    int n = slotCount();
    boolean local = master.localThreads(1).isPresent();
    return n + (local ? " task thread" : " executor") + (n == 1 ? "" : "s");
  }

  /** @return the task threads of a local master (cores for local[*]), else the executors registered */
  public int slotCount() {
    return master.localThreads(Runtime.getRuntime().availableProcessors())
        .orElse(sc.sc().statusTracker().getExecutorInfos().length - 1); // the driver is listed too
  }

  /** Stops Spark (and, for a cluster, ends the application there). */
  @Override
  public void close() {
    sc.stop();
  }

  /**
   * Creates the context, waiting at most {@code wait}: against a standalone master the constructor blocks
   * until the application is registered, and Spark itself gives up only after 3 × 20 s.
   */
  private static JavaSparkContext construct(SparkConf conf, SparkMaster master, Duration wait) {
    CompletableFuture<JavaSparkContext> starting = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        starting.complete(new JavaSparkContext(conf));
      } catch (Throwable e) {
        starting.completeExceptionally(e);
      }
    }, "occam-spark-start");
    t.setDaemon(true); // one that never registers must not keep the JVM alive
    t.start();
    try {
      return starting.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      starting.thenAccept(JavaSparkContext::stop); // should it start after all, leave no context behind
      throw new SparkUnavailableException(master.url() + " did not accept the application within " + wait.toSeconds()
          + " s; check that it is a Spark master's address (not its web UI's) and that the master is up");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new SparkUnavailableException("Spark did not start on " + master.url() + ": " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkUnavailableException("interrupted while starting Spark on " + master.url());
    }
  }

  private static void probe(SparkMaster.HostPort hp, Duration wait) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(hp.host(), hp.port()), (int) Math.min(Integer.MAX_VALUE, wait.toMillis()));
    } catch (IOException e) {
      throw new SparkUnavailableException("cannot reach the Spark master at " + hp.host() + ":" + hp.port() + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); start it (sbin/start-master.sh) or check --spark");
    }
  }

  private void awaitExecutor(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (sc.sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
      if (sc.sc().isStopped() || System.nanoTime() > deadline) {
        sc.stop();
        throw new SparkUnavailableException("no Spark executor registered with " + master.url() + " within "
            + wait.toSeconds() + " s; check that the master has a live worker with free cores and memory, and that"
            + " the workers can reach this driver");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        sc.stop();
        throw new SparkUnavailableException("interrupted while waiting for a Spark executor");
      }
    }
  }

  /**
   * The jar the executors of a cluster load Occam's classes from: the {@code -executor} jar this module
   * builds (Occam's scan and training code and libraries, without Spark), beside this class's jar or
   * classes folder.
   *
   * @return the jar
   * @throws SparkUnavailableException if it was not built
   */
  static Path executorJar() {
    try {
      Path here = Path.of(SparkCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = here.getParent(); // target/classes or target/occam-distributed-*.jar
      try (Stream<Path> files = Files.list(target)) {
        Optional<Path> jar = files.filter(f -> f.getFileName().toString().matches("occam-distributed-.*-executor\\.jar"))
            .findFirst();
        if (jar.isPresent()) {
          return jar.get().toAbsolutePath();
        }
      }
      throw new SparkUnavailableException("no occam-distributed-*-executor.jar in " + target + " for the executors:"
          + " build it (mvn -B -DskipTests package) or give --spark-conf spark.jars=PATH");
    } catch (IOException | URISyntaxException | RuntimeException e) {
      if (e instanceof SparkUnavailableException s) {
        throw s;
      }
      throw new SparkUnavailableException("cannot find the executor jar: " + e.getMessage()
          + "; give --spark-conf spark.jars=PATH");
    }
  }

  /** Announces each failed task attempt in one line; Spark retries it up to spark.task.maxFailures. */
  private static final class RetryNotes extends SparkListener {
    private final Consumer<String> notes;

    RetryNotes(Consumer<String> notes) {
      this.notes = notes;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (!(end.reason() instanceof Success$)) {
        String why = end.reason().toString().lines().findFirst().orElse("");
        notes.accept("spark: task " + end.taskInfo().index() + " attempt " + end.taskInfo().attemptNumber()
            + " failed on executor " + end.taskInfo().executorId() + " (" + (why.length() > 200 ? why.substring(0, 200) + "…" : why)
            + "); Spark retries it up to spark.task.maxFailures");
      }
    }
  }
}
