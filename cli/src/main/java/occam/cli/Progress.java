package occam.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr for long work: a live bar (me.tongfei:progressbar) when stderr is a terminal,
 * otherwise a plain line at the first step (so a log shows the work started) and every 10% after, so logs
 * stay readable. Thread-safe.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final PrintWriter err;
  private final String task;
  private final long total;
  private long done;
  private int lastDecile;
  private boolean shown;

  Progress(String task, long total, PrintWriter err) {
    this(task, total, err, "", 0);
  }

  /**
   * A progress display.
   *
   * @param task name shown before the bar
   * @param total units of work
   * @param err where plain lines go when stderr is not a terminal
   * @param unit unit name with a leading blank (e.g. " steps"), shown with the speed; "" for none
   * @param start units already done (a resumed run)
   */
  Progress(String task, long total, PrintWriter err, String unit, long start) {
    this.task = task;
    this.total = Math.max(1, total);
    this.err = err;
    this.done = Math.min(Math.max(0, start), this.total);
    this.lastDecile = (int) (10 * done / this.total);
    if (System.console() == null) {
      this.bar = null;
    } else {
      ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(this.total)
          .startsFrom(done, java.time.Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
          .continuousUpdate();
      if (!unit.isEmpty()) {
        b.setUnit(unit, 1).showSpeed();
      }
      this.bar = b.build();
    }
  }

  synchronized void stepTo(long value, String extra) {
    done = Math.min(value, total);
    if (bar != null) {
      bar.stepTo(done);
      if (extra != null) {
        bar.setExtraMessage(" " + extra);
      }
      return;
    }
    int decile = (int) (10 * done / total);
    if (decile > lastDecile || !shown) {
      lastDecile = decile;
      shown = true;
      err.printf("%s: %d%% (%d/%d)%s%n", task, 100 * done / total, done, total, extra == null ? "" : " " + extra);
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
