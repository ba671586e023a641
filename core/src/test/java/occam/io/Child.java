package occam.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for tests that need another process: it takes a folder lock or publishes a report
 * folder, printing a line at each step and stopping (blocked) at the one named, where the test kills it.
 *
 * <ul>
 *   <li>{@code lock FOLDER COMMAND}: holds {@link FolderLock#inside}, prints "locked PID", blocks.
 *   <li>{@code try FOLDER COMMAND}: takes and releases {@link FolderLock#inside}, prints "locked" or
 *       "refused: MESSAGE".
 *   <li>{@code publish FOLDER TAG FILES STOP}: writes FILES files "TAG i" into a {@link ReportFolder},
 *       prints "wrote-i" after each (from "wrote-0", before the first) and the publication's steps;
 *       blocks at the line equal to STOP; prints "finished" at the end.
 * </ul>
 */
public final class Child {
  private Child() {}

  /**
   * Runs the child.
   *
   * @param args the mode and its arguments
   * @throws Exception on failure (exit 1)
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path folder = Path.of(args[1]);
    if (args[0].equals("try")) {
      try (FolderLock lock = FolderLock.inside(folder, args[2])) {
        out.println("locked " + lock.holder().pid());
      } catch (UsageException e) {
        out.println("refused: " + e.getMessage());
      }
      out.flush();
      return;
    }
    if (args[0].equals("lock")) {
      FolderLock lock = FolderLock.inside(folder, args[2]);
      out.println("locked " + lock.holder().pid());
      out.flush();
      block();
    }
    String tag = args[2];
    int files = Integer.parseInt(args[3]);
    String stop = args[4];
    ReportFolder.afterStep = step -> say(out, step, stop);
    try (ReportFolder report = ReportFolder.begin(folder, "child " + tag)) {
      say(out, "wrote-0", stop);
      for (int i = 1; i <= files; i++) {
        Files.writeString(report.staging().resolve("f" + i + ".txt"), tag + " " + i + "\n");
        say(out, "wrote-" + i, stop);
      }
      report.publish();
    }
    out.println("finished");
    out.flush();
  }

  private static void say(PrintStream out, String step, String stop) {
    out.println(step);
    out.flush();
    if (step.equals(stop)) {
      block();
    }
  }

  private static void block() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Starts this class in a new JVM.
   *
   * @param args its arguments
   * @return the process, stdout piped, stderr inherited
   * @throws IOException if it cannot start
   */
  static Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /**
   * Reads the child's lines until one equals (or starts with) the expected text.
   *
   * @param p the child
   * @param expected the line to wait for
   * @return that line
   * @throws IOException if the child ends first
   */
  static String await(Process p, String expected) throws IOException {
    InputStream in = p.getInputStream();
    StringBuilder line = new StringBuilder();
    StringBuilder all = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      all.append((char) c);
      if (c != '\n') {
        line.append((char) c);
        continue;
      }
      if (line.toString().startsWith(expected)) {
        return line.toString();
      }
      line.setLength(0);
    }
    throw new IOException("child ended before '" + expected + "'; it printed: " + all);
  }

  /**
   * Kills a child at once (SIGKILL) and waits for it to be gone.
   *
   * @param p the child
   * @throws InterruptedException if interrupted
   */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor(1, TimeUnit.MINUTES);
  }
}
