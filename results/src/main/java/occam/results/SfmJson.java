package occam.results;

import com.google.gson.JsonObject;
import occam.sfm.SfmConfig;
import occam.sfm.SfmMetrics;
import occam.sfm.SfmResult;

/** The JSON form of SFM results, shared by {@code occam run --json} and scan summaries. */
public final class SfmJson {
  private SfmJson() {}

  /**
   * One run as a flat JSON object with the fields of SPEC §8 and the run's settings.
   *
   * @param r the result
   * @param tau the gate threshold used
   * @return the object (NaN values become null)
   */
  public static JsonObject of(SfmResult r, double tau) {
    SfmConfig c = r.config();
    SfmMetrics last = r.last();
    JsonObject o = new JsonObject();
    o.addProperty("p", c.task().p());
    o.addProperty("op", c.task().op().cliName());
    o.addProperty("m", c.task().groupOrder());
    o.addProperty("frac", c.frac());
    o.addProperty("n", r.trainSize());
    o.addProperty("beta", c.beta());
    o.addProperty("tau", tau);
    o.addProperty("gate", c.gate().cliName());
    o.addProperty("eta", c.eta());
    o.addProperty("wd", c.wd());
    o.addProperty("label_noise", c.labelNoise());
    o.addProperty("seed", c.seed());
    o.addProperty("phase", r.phase().label());
    o.add("t_mem", r.tMem().isPresent() ? new com.google.gson.JsonPrimitive(r.tMem().getAsInt()) : null);
    o.add("t_gen", r.tGen().isPresent() ? new com.google.gson.JsonPrimitive(r.tGen().getAsInt()) : null);
    o.addProperty("iterations", last.t());
    o.addProperty("stop", r.stop().name().toLowerCase(java.util.Locale.ROOT));
    put(o, "train_acc", last.trainAcc());
    put(o, "test_acc", last.testAcc());
    put(o, "train_mse", last.trainMse());
    put(o, "test_mse", last.testMse());
    o.addProperty("support", last.support());
    o.addProperty("support_on_sigma", last.supportOnSigma());
    o.addProperty("ideal_support", r.idealSupport());
    put(o, "mass_on_sigma", last.massOnSigma());
    put(o, "lambda_hat", last.lambdaHat());
    put(o, "k_sfm", last.kSfm());
    put(o, "free_energy", last.freeEnergy());
    put(o, "eps_gen", r.epsGen());
    put(o, "gini", last.gini());
    put(o, "ipr", last.ipr());
    put(o, "l1", last.l1());
    put(o, "frobenius", last.frobenius());
    return o;
  }

  /**
   * Adds a number, or null when it is not finite (JSON has no NaN).
   *
   * @param o the object
   * @param key the field
   * @param value the number
   */
  public static void put(JsonObject o, String key, double value) {
    if (Double.isFinite(value)) {
      o.addProperty(key, value);
    } else {
      o.add(key, com.google.gson.JsonNull.INSTANCE);
    }
  }
}
