package occam.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import occam.fourier.RealDft2Backend;
import occam.transformer.ensemble.GridListener;
import occam.transformer.ensemble.GridTraining;
import occam.transformer.records.Settings;
import occam.transformer.records.TrainingConfig;
import occam.transformer.records.TrainingSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1: a master and one worker (2 cores) started from the Spark jars
 * on the test class path, the small scan submitted to it with the executor jar this module builds, the
 * files compared with the local scan's, and both daemons stopped. One task fails on its first attempt on
 * the executor; Spark retries it and nothing changes. Then a tiny training grid, one ensemble per task on
 * executors that load DJL only from the executor jar and the shipped natives jar, gives the local summaries
 * (one task killed halfway and retried). Runs in {@code mvn verify} (failsafe, after package).
 */
@Tag("standalone")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  @TempDir static Path tmp;
  private static final List<Process> daemons = new ArrayList<>();
  private static String master;

  @BeforeAll
  static void startCluster() throws IOException {
    Path home = sparkHome(tmp.resolve("spark-home"));
    int port = freePort();
    master = "spark://127.0.0.1:" + port;
    daemons.add(start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--webui-port", Integer.toString(freePort())));
    awaitPort(port);
    daemons.add(start(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
        "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir", tmp.resolve("work").toString(),
        master));
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    for (int i = daemons.size() - 1; i >= 0; i--) { // worker first
      Process p = daemons.get(i);
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  @Order(1)
  void aScanOnTheClusterGivesTheLocalFilesDespiteAFailedTask() throws IOException {
    Path local = SparkScans.write(SparkScans.local(), tmp.resolve("local"));
    List<String> notes = new CopyOnWriteArrayList<>();
    try (SparkEngine spark = SparkEngine.start(new SparkMaster(master),
        Map.of("spark.executor.memory", "512m", "spark.cores.max", "2", TaskFaults.FAIL_FIRST_ATTEMPT, "3"),
        RealDft2Backend.JTRANSFORMS, Duration.ofSeconds(90), notes::add)) {
      assertTrue(spark.name().startsWith("spark " + master + " (cpu (jtransforms), 1 executor)"), spark.name());
      SparkScans.assertSameAnswers(local, SparkScans.write(spark, tmp.resolve("standalone")));
    } catch (RuntimeException | IOException | AssertionError e) {
      System.err.println(logs());
      throw e;
    }
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("spark: task 3 attempt 0 failed on executor 0"), notes.get(0));
  }

  @Test
  @Order(2)
  void anApplicationNoWorkerCanHostIsOneLineAfterTheWait() {
    SparkUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(SparkUnavailableException.class,
        () -> SparkEngine.start(new SparkMaster(master), Map.of("spark.executor.cores", "4"), RealDft2Backend.JTRANSFORMS,
            Duration.ofSeconds(20), n -> { }));
    assertEquals("no Spark executor registered with " + master + " within 20 s; check that the master has a live worker"
        + " with free cores and memory, and that the workers can reach this driver", e.getMessage());
  }

  @Test
  @Order(3)
  void aTrainingGridOnTheClusterGivesTheLocalSummaries() throws Exception {
    List<TrainingConfig> runs = new ArrayList<>();
    for (long seed : List.of(0L, 1L)) {
      runs.add(TrainingConfig.builder().set(Settings.P, 5).set(Settings.D_MODEL, 8).set(Settings.HEADS, 2)
          .set(Settings.D_MLP, 16).set(Settings.SEED, seed).set(Settings.STEPS, 20).set(Settings.LOG_EVERY, 5).build());
    }
    List<TrainingSummary> local = GridTraining.of(runs, tmp.resolve("train-local")).ensemble(1).resume(true, true)
        .run(new GridListener() {});
    List<String> notes = new CopyOnWriteArrayList<>();
    try (SparkCluster spark = SparkCluster.start("occam IT", new SparkMaster(master),
        Map.of("spark.executor.memory", "512m", "spark.cores.max", "2", "spark.executor.cores", "1",
            TaskFaults.FAIL_FIRST_ATTEMPT, "1"), SparkTraining.jars(), Duration.ofSeconds(90), notes::add)) {
      GridTraining grid = GridTraining.of(runs, tmp.resolve("train-spark")).ensemble(1).resume(true, true);
      SparkTrainingTest.assertSameRuns(local,
          SparkTraining.run(spark, grid, grid.plan(new GridListener() {}), 1, new GridListener() {}));
    } catch (Exception | AssertionError e) { // SparkException is a checked exception Scala throws unchecked
      System.err.println(logs());
      throw e;
    }
    assertEquals(1, notes.size(), notes.toString());
  }

  /**
   * A SPARK_HOME whose jars/ holds the Spark jars of the test class path (what a worker puts on executors),
   * without DJL and JNA, which a Spark distribution lacks: the executors get them from the executor jar and
   * the natives jar the driver ships.
   */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      boolean occams = p.getFileName().toString().startsWith("occam-") || entry.contains("/ai/djl/")
          || entry.contains("/net/java/dev/jna/");
      if (entry.endsWith(".jar") && !occams && Files.isRegularFile(p)) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
    return home;
  }

  private static Process start(Path home, String name, String main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"), main));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // daemons, web UIs and executors on loopback only
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    return pb.start();
  }

  private static void awaitPort(int port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline || !daemons.get(0).isAlive()) {
          throw new IOException("the Spark master did not open port " + port + ":\n" + logs(), e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException(ie);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String logs() throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".log") || f.getFileName().toString().equals("stderr")).toList()) {
        out.append("==== ").append(f).append('\n').append(Files.readString(f));
      }
    }
    return out.toString();
  }
}
