package occam.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr for long work: a live bar (me.tongfei:progressbar) when stderr is a terminal,
 * otherwise a plain line every 10% so logs stay readable. Thread-safe.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final PrintWriter err;
  private final String task;
  private final long total;
  private long done;
  private int lastDecile;

  Progress(String task, long total, PrintWriter err) {
    this.task = task;
    this.total = Math.max(1, total);
    this.err = err;
    this.bar = System.console() == null ? null
        : new ProgressBarBuilder().setTaskName(task).setInitialMax(this.total)
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
  }

  synchronized void stepTo(long value, String extra) {
    done = Math.min(value, total);
    if (bar != null) {
      bar.stepTo(done);
      if (extra != null) {
        bar.setExtraMessage(extra);
      }
      return;
    }
    int decile = (int) (10 * done / total);
    if (decile > lastDecile) {
      lastDecile = decile;
      err.printf("%s: %d%% (%d/%d)%s%n", task, 10 * decile, done, total, extra == null ? "" : " " + extra);
      err.flush();
    }
  }

  synchronized void step(String extra) {
    stepTo(done + 1, extra);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
