package occam.transformer;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * DJL's PyTorch engine, run offline from the natives that Maven put on the class path
 * ({@code pytorch-native-cpu} and {@code pytorch-jni}): DJL then extracts them into its cache and
 * never downloads. Offline mode is switched on (system property {@code ai.djl.offline=true}) unless
 * the caller set the property, so a missing native fails loudly instead of reaching the network.
 */
public final class Djl {
  /** DJL's system property for offline mode. */
  public static final String OFFLINE_PROPERTY = "ai.djl.offline";

  private Djl() {}

  /** @return the PyTorch engine, loaded offline */
  public static Engine engine() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
    return Engine.getInstance();
  }

  /** @return the first GPU when the engine sees one, the CPU otherwise */
  public static Device device() {
    return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
