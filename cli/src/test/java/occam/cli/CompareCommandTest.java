package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import occam.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code occam experiment} and {@code occam compare} at tiny sizes: files, resumability, bad input. */
class CompareCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = Occam.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static String[] experiment(Path tmp, int steps, String wds, int seeds) {
    return new String[] {"experiment", "--p", "5", "--d-model", "8", "--heads", "2", "--d-mlp", "16",
        "--steps", Integer.toString(steps), "--log-every", "2", "--wds", wds, "--fracs", "0.6", "--seeds",
        Integer.toString(seeds), "--sfm-iters", "300", "--k-betas", "1e-4:1e-3:2", "--runs-dir",
        tmp.resolve("runs").toString(), "--out", tmp.resolve("report").toString()};
  }

  private void assertUsageError(int code, String expected) {
    assertEquals(Occam.EXIT_USAGE, code, err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().contains(expected), err.toString());
  }

  @Test
  void experimentTrainsComparesAndResumes(@TempDir Path tmp) throws IOException {
    assertEquals(0, run(experiment(tmp, 4, "1,2", 2)), err.toString());
    Path runs = tmp.resolve("runs");
    for (String name : List.of("p5-add-wd1-lr0.003-frac0.6-seed0", "p5-add-wd2-lr0.003-frac0.6-seed0", "p5-add-wd1-lr0.003-frac0.6-seed1",
        "p5-add-wd2-lr0.003-frac0.6-seed1")) {
      assertTrue(Files.isRegularFile(runs.resolve(name).resolve("summary.json")), name);
    }
    Path report = tmp.resolve("report");
    for (String f : List.of("comparison.csv", "comparison.md", "summary.json", "sfm-runs.csv",
        "predicted-vs-measured.png", "synchrony.png")) {
      assertTrue(Files.isRegularFile(report.resolve(f)), f);
    }
    String md = Files.readString(report.resolve("comparison.md"));
    assertTrue(md.contains("Produced by `occam experiment --p 5"), md);
    assertTrue(out.toString().contains("k_beta"), out.toString());
    JsonObject summary = Json.parseStrict(Files.readString(report.resolve("summary.json"))).getAsJsonObject();
    assertEquals(4, summary.get("runs").getAsInt());
    assertEquals("[0]", summary.get("calibration_seeds").getAsString());
    assertTrue(List.of(1e-4, 1e-3).contains(summary.get("k_beta").getAsDouble()), summary.toString());
    assertEquals(List.of("transformer_t_grok", "sfm_t_gen", "theory_n_star"), summary.getAsJsonArray("scaling")
        .asList().stream().map(e -> e.getAsJsonObject().get("quantity").getAsString()).toList());

    // finished runs are not redone
    assertEquals(0, run(experiment(tmp, 4, "1,2", 2)), err.toString());
    assertEquals(4, err.toString().lines().filter(l -> l.contains("done already")).count(), err.toString());

    // a longer budget resumes the run from its checkpoint
    assertEquals(0, run(experiment(tmp, 6, "1", 1)), err.toString());
    JsonObject s = JsonParser.parseString(Files.readString(runs.resolve("p5-add-wd1-lr0.003-frac0.6-seed0/summary.json")))
        .getAsJsonObject();
    assertEquals(6, s.get("steps_done").getAsInt());
    assertEquals(4, s.get("resumed_from").getAsInt());

    // compare reads the same folders, given as a parent folder or one by one
    assertEquals(0, run("compare", "--runs", runs.toString(), "--k-betas", "1e-4", "--sfm-iters", "300", "--out",
        tmp.resolve("again").toString()), err.toString());
    assertTrue(Files.readString(tmp.resolve("again/comparison.csv")).startsWith("# command: occam compare --runs"));
    List<String> args = new ArrayList<>(List.of("compare", "--sfm-iters", "300", "--k-betas", "1e-4", "--out",
        tmp.resolve("one").toString(), "--runs"));
    args.add(runs.resolve("p5-add-wd1-lr0.003-frac0.6-seed0").toString());
    args.add(runs.resolve("p5-add-wd2-lr0.003-frac0.6-seed1").toString());
    assertEquals(0, run(args.toArray(String[]::new)), err.toString());
  }

  @Test
  void compareReadsAGridThatOccamTrainTrainedAsEnsembles(@TempDir Path tmp) throws IOException {
    Path grid = tmp.resolve("grid");
    assertEquals(0, run("train", "--p", "5", "--d-model", "8", "--heads", "2", "--d-mlp", "16", "--steps", "4",
        "--log-every", "2", "--seeds", "0:1", "--wds", "1,2", "--fracs", "0.6", "--lr", "3e-3", "--ensemble", "3",
        "--no-progress", "--out", grid.toString()), err.toString());
    List<String> names = List.of("p5-add-wd1-lr0.003-frac0.6-seed0", "p5-add-wd2-lr0.003-frac0.6-seed0",
        "p5-add-wd1-lr0.003-frac0.6-seed1", "p5-add-wd2-lr0.003-frac0.6-seed1");
    for (String name : names) {
      assertTrue(out.toString().contains(name), out.toString());
      occam.io.Manifest.requireComplete(grid.resolve(name));
      JsonObject s = Json.parseStrict(Files.readString(grid.resolve(name).resolve("summary.json"))).getAsJsonObject();
      assertEquals(4, s.get("steps_done").getAsInt(), name);
    }
    assertTrue(out.toString().contains("4 runs trained in"), out.toString());
    assertEquals(0, run("compare", "--runs", grid.toString(), "--k-betas", "1e-4", "--sfm-iters", "300", "--out",
        tmp.resolve("report").toString()), err.toString());
    String csv = Files.readString(tmp.resolve("report/comparison.csv"));
    for (String name : names) {
      assertTrue(csv.contains(name), csv);
    }
  }

  @Test
  void badInputExitsTwoWithOneLine(@TempDir Path tmp) throws IOException {
    assertUsageError(run("compare", "--runs", tmp.resolve("absent").toString(), "--out", tmp.resolve("r").toString()),
        "does not exist");
    Files.createDirectories(tmp.resolve("empty"));
    assertUsageError(run("compare", "--runs", tmp.resolve("empty").toString(), "--out", tmp.resolve("r").toString()),
        "no summary.json");
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("summary.json"), "{}");
    assertUsageError(run("compare", "--runs", broken.toString(), "--out", tmp.resolve("r").toString()), "is not complete");
    occam.io.Manifest.of(broken, "test").write(broken);
    assertUsageError(run("compare", "--runs", broken.toString(), "--out", tmp.resolve("r").toString()), "config");
    assertUsageError(run("compare"), "--runs");
    assertUsageError(run("experiment", "--seeds", "0", "--out", tmp.resolve("r").toString()), "--seeds");
    assertUsageError(run("experiment", "--p", "4", "--out", tmp.resolve("r").toString()), "p = 4");
    assertTrue(!Files.exists(tmp.resolve("r/comparison.md")));
  }
}
