package occam.distributed;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * Testing hook: a Spark setting {@value #FAIL_FIRST_ATTEMPT} = partition index makes that partition's
 * first attempt fail (a scan task at its start, a training task halfway through its steps), so a test
 * sees Spark retry a task and the retry end with the same results.
 */
final class TaskFaults {
  /** Spark setting naming a partition whose first attempt fails (tests only). */
  static final String FAIL_FIRST_ATTEMPT = "spark.occam.test.failFirstAttemptOf";

  private TaskFaults() {}

  /**
   * Whether this attempt is one the hook makes fail.
   *
   * @param context the running task
   * @return true on attempt 0 of the partition named by {@value #FAIL_FIRST_ATTEMPT}
   */
  static boolean failing(TaskContext context) {
    SparkEnv env = SparkEnv.get();
    String partition = env == null ? null : env.conf().get(FAIL_FIRST_ATTEMPT, null);
    return partition != null && context.attemptNumber() == 0 && Integer.parseInt(partition) == context.partitionId();
  }

  /**
   * The failure the hook throws.
   *
   * @param context the running task
   * @param where what the attempt had done when it failed
   * @return the exception to throw
   */
  static IllegalStateException failure(TaskContext context, String where) {
    return new IllegalStateException("test hook " + FAIL_FIRST_ATTEMPT + ": first attempt of partition "
        + context.partitionId() + " fails on purpose " + where);
  }
}
