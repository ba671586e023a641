package occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import occam.io.Json;
import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {
  @Test
  void benchTrainPrintsOneRowPerThreadsAndSizeAndParsesAsJson() {
    CliRun r = CliRun.of("bench", "train", "--seconds", "0.01", "--threads", "1", "--sizes", "1,2", "--no-processes", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonObject o = Json.parseStrict(r.out().strip()).getAsJsonObject();
    JsonArray ensembles = o.getAsJsonArray("ensembles");
    int k = o.get("default_ensemble").getAsInt();
    assertEquals(k == 1 || k == 2 ? 2 : 3, ensembles.size(), r.out());
    JsonObject first = ensembles.get(0).getAsJsonObject();
    assertEquals(1, first.get("threads").getAsInt());
    assertEquals(1, first.get("members").getAsInt());
    double rate = first.get("model_steps_per_second").getAsDouble();
    double gflops = first.get("model_gflops").getAsDouble();
    // model GFLOP/s = rate × the quick step's 0.518 GFLOP (ModelFlops)
    assertEquals(0.518, gflops / rate, 0.001);
    assertEquals(gflops / first.get("matmul_gflops").getAsDouble(), first.get("ratio").getAsDouble(), 1e-9);
    assertEquals(1, o.getAsJsonArray("processes").size(), "no child processes with --no-processes");
    assertEquals(1, o.getAsJsonArray("nanda").size());
  }

  @Test
  void theTableHasItsThreeParts() {
    CliRun r = CliRun.of("bench", "train", "--seconds", "0.01", "--threads", "1", "--sizes", "2", "--no-processes");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("| threads |  K | models·steps/s |"), r.out());
    assertTrue(r.out().contains("|       1 |  2 |"), r.out());
    assertTrue(r.out().contains("| 1 process             |            1 |"), r.out());
    assertTrue(r.out().contains("| single model                  |       1 |"), r.out());
  }

  @Test
  void badInputIsAUsageErrorBeforeAnyWork() {
    for (String[] args : new String[][] {{"--threads", "0"}, {"--threads", "1,x"}, {"--sizes", "0"}, {"--sizes", "4:1"},
        {"--seconds", "0"}, {"--seconds", "-1"}}) {
      String[] full = new String[args.length + 2];
      full[0] = "bench";
      full[1] = "train";
      System.arraycopy(args, 0, full, 2, args.length);
      CliRun r = CliRun.of(full);
      assertEquals(Occam.EXIT_USAGE, r.exit(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.errLines().size(), r.err());
    }
  }
}
