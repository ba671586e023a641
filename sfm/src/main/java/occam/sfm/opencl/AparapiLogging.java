package occam.sfm.opencl;

/**
 * Keeps Aparapi quiet: it logs through java.util.logging at WARNING by default (a failed native
 * load, a missing LocalVariableTable, a device fallback, with stack traces), which would break the
 * CLI's one-line error contract. Its level is read once, from the system property
 * {@code com.aparapi.logLevel}, when Aparapi's {@code Config} class loads; a value the user set
 * is kept.
 */
final class AparapiLogging {
  /** The property Aparapi's Config reads its log level from. */
  static final String LOG_LEVEL_PROPERTY = "com.aparapi.logLevel";

  private AparapiLogging() {}

  /** Sets Aparapi's log level to OFF unless the user chose one; call before any Aparapi class loads. */
  static void quiet() {
    if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
      System.setProperty(LOG_LEVEL_PROPERTY, "OFF");
    }
  }
}
