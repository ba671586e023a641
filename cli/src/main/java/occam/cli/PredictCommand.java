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
import occam.results.prediction.Architecture;
import occam.results.prediction.Calibration;
import occam.results.prediction.Memorization;
import occam.results.prediction.Prediction;
import occam.results.prediction.Predictor;
import occam.results.prediction.Query;
import occam.transformer.records.Setting;
import occam.transformer.records.Settings;
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
  /** The settings a prediction needs, options from the training settings table. */
  private static final List<Setting<?>> REQUIRED = List.of(Settings.P, Settings.OP, Settings.WEIGHT_DECAY, Settings.FRAC,
      Settings.LR);

  /** The architecture, defaulting to the calibrated model's. */
  private static final List<Setting<?>> MODEL = List.of(Settings.D_MODEL, Settings.LAYERS, Settings.HEADS,
      Settings.D_MLP);

  private CommandSpec spec;

  /** Receives the command's model and adds the setting options ({@link SettingOptions}). */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    SettingOptions.addTo(value, REQUIRED, "", true);
    SettingOptions.addTo(value, MODEL, " (default: the calibrated model's)", false);
    SettingOptions.addTo(value, List.of(Settings.SEED), " (here: the split the SFM runs on and n is counted from; "
        + "default " + Settings.SEED.defaultValue() + ")", false);
  }

  @Option(names = "--calibration", paramLabel = "FILE", required = true,
      description = "calibration.json written by occam league (results/prediction/calibration.json)")
  private Path calibration;

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
    int p = SettingOptions.value(spec, Settings.P);
    Long seed = SettingOptions.value(spec, Settings.SEED);
    Query base = Commands.userInput(() -> Query.of(ModularTask.of(p, SettingOptions.value(spec, Settings.OP)),
        SettingOptions.value(spec, Settings.WEIGHT_DECAY), SettingOptions.value(spec, Settings.FRAC),
        SettingOptions.value(spec, Settings.LR), seed == null ? Settings.SEED.defaultValue() : seed,
        new Architecture(or(Settings.LAYERS, calibrated.layers()), or(Settings.D_MODEL, calibrated.dModel()),
            or(Settings.HEADS, calibrated.heads()), or(Settings.D_MLP, calibrated.dMlp()))));
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

  private int or(Setting<Integer> s, int calibrated) {
    Integer v = SettingOptions.value(spec, s);
    return v == null ? calibrated : v;
  }
}
