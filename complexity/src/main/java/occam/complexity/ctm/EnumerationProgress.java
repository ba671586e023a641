package occam.complexity.ctm;

/**
 * Read-only progress of an enumeration, handed to an {@link EnumerationListener}.
 *
 * @param space the machine space being enumerated
 * @param tasksDone subtrees finished
 * @param tasksTotal subtrees in all
 * @param elapsedNanos time since the enumeration started
 */
public record EnumerationProgress(
    TuringMachineSpace space, int tasksDone, int tasksTotal, long elapsedNanos) {

  /**
   * Fraction of subtrees finished (subtrees differ in size, so this is a rough guide to time left).
   *
   * @return tasksDone / tasksTotal, 1 when there are no tasks
   */
  public double fraction() {
    return tasksTotal == 0 ? 1 : (double) tasksDone / tasksTotal;
  }
}
