package occam.transformer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns a JVM shutdown (SIGINT, SIGTERM, {@link System#exit}) during training into "save a checkpoint,
 * then exit", as Lightning does: a shutdown hook marks the request and waits until the training loop,
 * at its next step boundary, has written its checkpoint atomically and said so ({@link #saved()}); only
 * then may the JVM halt. The loop checks {@link #requested()} once per step. A loop that never reaches
 * a step boundary again (a step longer than {@link #GRACE_SECONDS}) is not waited for; the last periodic
 * checkpoint stays.
 */
public final class Interruption implements AutoCloseable {
  /** The most seconds the shutdown hook waits for the checkpoint. */
  static final long GRACE_SECONDS = 120;

  private final CountDownLatch saved = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private Interruption() {
    this.hook = new Thread(this::awaitCheckpoint, "occam-train-interrupt");
  }

  /**
   * Registers the shutdown hook for the life of one training session.
   *
   * @return the registered interruption; {@link #close()} removes the hook
   */
  public static Interruption onShutdown() {
    Interruption i = new Interruption();
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  private void awaitCheckpoint() {
    requested = true;
    try {
      saved.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** @return whether the JVM is shutting down and the loop should save and stop */
  public boolean requested() {
    return requested;
  }

  /**
   * Tells the waiting hook that the checkpoint is complete (or that none will come), so the JVM may halt.
   * The calling thread must write nothing after this: the JVM halts under it.
   */
  public void saved() {
    saved.countDown();
  }

  /**
   * Says the checkpoints are complete ({@link #saved()}) and waits for the JVM, which is shutting down,
   * to halt: nothing more may be written after the checkpoints. Never returns.
   */
  @SuppressWarnings("InfiniteLoopStatement")
  public void halt() {
    saved();
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // keep waiting: the halt ends this thread
      }
    }
  }

  /** Removes the hook (a session that ended normally); during shutdown it only releases the hook. */
  @Override
  public void close() {
    saved.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook has run or runs now
    }
  }
}
