package occam.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports Occam's version from the jar manifest, with the Java runtime it runs on. */
public final class OccamVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Occam.class.getPackage().getImplementationVersion();
    return new String[] {
      "occam " + (v == null ? "dev" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
