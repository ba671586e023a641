package occam.complexity;

/**
 * What BDM does with the parts of a matrix that do not fill a whole block (pybdm's partition
 * algorithms, Zenil et al. 2018, "A decomposition method for global evaluation of Shannon entropy and
 * local estimations of algorithmic complexity", Entropy 20(8):605, §2.3).
 */
public enum Boundary {
  /** Drop incomplete blocks (the published default, pybdm {@code PartitionIgnore}). */
  IGNORE,
  /**
   * Decompose leftover parts again with smaller square blocks (side = the part's shorter side), as long
   * as that side is at least {@link #RECURSIVE_MIN_LENGTH} (pybdm {@code PartitionRecursive}, default
   * {@code min_length = 2}); shorter slivers are dropped.
   */
  RECURSIVE;

  /** Shortest side a leftover part may have to be decomposed further (pybdm's default). */
  public static final int RECURSIVE_MIN_LENGTH = 2;

  /**
   * Parses "ignore" or "recursive" (any case).
   *
   * @param name the name
   * @return the boundary
   * @throws IllegalArgumentException for any other name
   */
  public static Boundary parse(String name) {
    return occam.io.EnumNames.parse(Boundary.class, name, "boundary");
  }
}
