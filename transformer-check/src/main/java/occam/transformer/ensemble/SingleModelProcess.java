package occam.transformer.ensemble;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import occam.transformer.Djl;
import occam.transformer.records.Preset;

/**
 * One model per process, as a user without ensembles would train: {@link #sideBySide} starts JVMs
 * that each time the quick preset's single-model step ({@link EnsembleBench#single}); they warm up,
 * report {@value #READY}, and start timing together when told, so their timed windows overlap.
 */
public final class SingleModelProcess {
  /** Line a child prints when it has warmed up and waits for the start signal. */
  static final String READY = "ready";

  private SingleModelProcess() {}

  /**
   * Child entry point: warm up, print {@value #READY}, wait for a line on stdin, time, print steps/s.
   *
   * @param args threads and seconds
   */
  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]);
    double seconds = Double.parseDouble(args[1]);
    Djl.useThreads(threads);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    double rate = EnsembleBench.single(Preset.QUICK, threads, seconds, () -> {
      System.out.println(READY);
      System.out.flush();
      try {
        in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    System.out.println(String.format(Locale.ROOT, "%.6f", rate));
  }

  /**
   * Runs single-model processes side by side, each on its own threads.
   *
   * @param processes how many
   * @param threads PyTorch threads of each
   * @param seconds timed seconds of each
   * @return each process's steps per second
   * @throws IOException if a process cannot be started or fails
   */
  public static double[] sideBySide(int processes, int threads, double seconds) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Process> children = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < processes; i++) {
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            SingleModelProcess.class.getName(), Integer.toString(threads), Double.toString(seconds))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        children.add(child);
        outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader out : outputs) {
        expect(out, READY);
      }
      for (Process child : children) {
        child.getOutputStream().write('\n');
        child.getOutputStream().flush();
      }
      double[] rates = new double[processes];
      for (int i = 0; i < processes; i++) {
        String line = outputs.get(i).readLine();
        if (line == null) {
          throw new IOException("single-model process " + i + " ended without a rate");
        }
        rates[i] = Double.parseDouble(line.trim());
      }
      return rates;
    } finally {
      children.forEach(Process::destroy);
    }
  }

  private static void expect(BufferedReader out, String line) throws IOException {
    String got = out.readLine();
    if (!line.equals(got)) {
      throw new IOException("single-model process said '" + got + "' instead of '" + line + "'");
    }
  }
}
