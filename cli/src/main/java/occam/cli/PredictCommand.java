package occam.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import occam.io.Json;
import occam.modular.ModularTask;
import occam.modular.Op;
import occam.results.prediction.Architecture;
import occam.results.prediction.Calibration;
import occam.results.prediction.Memorization;
import occam.results.prediction.Prediction;
import occam.results.prediction.Predictor;
import occam.results.prediction.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code occam predict}: each calibrated predictor's grokking step for one setting ({@code none} where it
 * predicts no grokking); in-run predictors only with {@code --run}.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print each predictor's t_grok for one setting, from a calibration that occam league wrote ('none': no grokking;",
      "the n* classifier says groks or none). In-run predictors (first passage) need --run, a run folder past t_mem.",
      "A setting outside the calibrated range is answered with a one-line warning on stderr."
    })
public final class PredictCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--calibration", paramLabel = "FILE", required = true,
      description = "calibration.json written by occam league (results/prediction/calibration.json)")
  private Path calibration;

  @Option(names = "--p", paramLabel = "P", required = true, description = "prime modulus")
  private int p;

  @Option(names = "--op", paramLabel = "OP", required = true, description = "add, sub, mul or div")
  private String op;

  @Option(names = "--wd", paramLabel = "WD", required = true, description = "AdamW weight decay")
  private double wd;

  @Option(names = "--frac", paramLabel = "A", required = true, description = "training fraction")
  private double frac;

  @Option(names = "--lr", paramLabel = "LR", required = true, description = "peak learning rate")
  private double lr;

  @Option(names = "--d-model", paramLabel = "D", description = "residual width (default: the calibrated model's)")
  private Integer dModel;

  @Option(names = "--layers", paramLabel = "L", description = "layers (default: the calibrated model's)")
  private Integer layers;

  @Option(names = "--heads", paramLabel = "H", description = "attention heads (default: the calibrated model's)")
  private Integer heads;

  @Option(names = "--d-mlp", paramLabel = "M", description = "MLP width (default: the calibrated model's)")
  private Integer dMlp;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "seed of the split the SFM runs on and n is counted from (default ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--run", paramLabel = "DIR", description = "a run folder past t_mem, for the in-run predictors")
  private Path run;

  @Option(names = "--sfm-threads", paramLabel = "N", defaultValue = "1",
      description = "threads for the SFM runs (default ${DEFAULT-VALUE})")
  private int sfmThreads;

  @Option(names = "--json", description = "print {\"predictions\": {NAME: steps or null}, \"classifiers\": {NAME: true or "
      + "false}, \"calibration\": FILE}")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    Calibration c = Calibration.read(calibration);
    Architecture calibrated = c.range().models().get(0);
    Query base = Commands.userInput(() -> Query.of(ModularTask.of(p, Op.parse(op)), wd, frac, lr, seed,
        new Architecture(layers == null ? calibrated.layers() : layers, dModel == null ? calibrated.dModel() : dModel,
            heads == null ? calibrated.heads() : heads, dMlp == null ? calibrated.dMlp() : dMlp)));
    if (sfmThreads < 1) {
      throw new occam.io.UsageException("--sfm-threads " + sfmThreads + " is not allowed: it must be >= 1");
    }
    occam.sfm.SfmSolver.memory(base.task().groupOrder(), sfmThreads).requireFits("the SFM predictors at p = " + p,
        "a smaller p");
    Query q = base;
    if (run != null) {
      Memorization m = Memorization.read(run);
      q = base.withMemorization(m.tMem(), m.vMem());
    }
    List<String> outside = c.range().outside(q);
    PrintWriter err = spec.commandLine().getErr();
    if (!outside.isEmpty()) {
      err.println("warning: extrapolating beyond the calibrated range: " + String.join("; ", outside));
      err.flush();
    }
    JsonObject predictions = new JsonObject();
    JsonObject classifiers = new JsonObject();
    StringBuilder text = new StringBuilder();
    for (Predictor predictor : c.predictors(sfmThreads)) {
      if (predictor.inRun() && run == null) {
        continue;
      }
      Prediction answer = predictor.predict(q);
      if (predictor.timed()) {
        JsonElement v = answer.timed() ? new JsonPrimitive(Math.round(answer.steps())) : JsonNull.INSTANCE;
        predictions.add(predictor.name(), v);
        text.append(String.format(Locale.ROOT, "%-14s %s%n", predictor.name(), answer.timed()
            ? Long.toString(Math.round(answer.steps())) : answer.covered() ? "none" : "n/a"));
      } else {
        JsonElement v = answer.covered() ? new JsonPrimitive(answer.groksWithin(Integer.MAX_VALUE)) : JsonNull.INSTANCE;
        classifiers.add(predictor.name(), v);
        text.append(String.format(Locale.ROOT, "%-14s %s%n", predictor.name(),
            !answer.covered() ? "n/a" : answer.groksWithin(Integer.MAX_VALUE) ? "groks" : "none"));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonObject o = new JsonObject();
      o.add("predictions", predictions);
      o.add("classifiers", classifiers);
      o.addProperty("calibration", calibration.toString());
      out.println(Json.compact(o));
    } else {
      out.print(text);
    }
    out.flush();
    return 0;
  }
}
