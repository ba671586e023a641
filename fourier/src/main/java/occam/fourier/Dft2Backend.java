package occam.fourier;

/** The 2D DFT implementations Occam can run on, selectable by name from the CLI. */
public enum Dft2Backend {
  /**
   * Occam's own pure-Java transform ({@link StockhamDft2}): batched mixed-radix Stockham passes,
   * Rader's algorithm for prime m.
   */
  STOCKHAM {
    @Override
    public Dft2 create(int m, DftNormalization normalization) {
      return new StockhamDft2(m, normalization);
    }
  },
  /** JTransforms 3.2, pure Java (its prime sizes go through Bluestein and are slow). */
  JTRANSFORMS {
    @Override
    public Dft2 create(int m, DftNormalization normalization) {
      return new JTransformsDft2(m, normalization);
    }
  },
  /** The O(m⁴) definition; for tests and tiny m only. */
  NAIVE {
    @Override
    public Dft2 create(int m, DftNormalization normalization) {
      return new NaiveDft2(m, normalization);
    }
  };

  /**
   * Creates a transform of side m.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @return a new transform, for use by one thread
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  public abstract Dft2 create(int m, DftNormalization normalization);

  /**
   * The fastest correct backend at most sizes: {@link #STOCKHAM}. See {@link #fastest(int)} when the
   * side is known.
   *
   * @return {@link #STOCKHAM}
   */
  public static Dft2Backend fastest() {
    return STOCKHAM;
  }

  /**
   * The fastest correct backend for side m, by measurement ({@link
   * occam.fourier.bench.TransformBench}: one thread, forward + inverse pair, medians of three runs on
   * the 2-core development machine, loaded): STOCKHAM at every size except powers of two from 128
   * on, where JTransforms' split-radix kernels are 10–25% faster (0.26 against 0.33 ms at 128, 5.1
   * against 6.6 ms at 512, a tie at 256). STOCKHAM takes 0.29 ms at 97 against JTransforms' 4.3,
   * 2.4 against 12.6 at 257, 0.19 against 0.36 at 96 and 0.036 against 0.17 at 31. Both pass the
   * same reference tests.
   *
   * @param m side ≥ 1
   * @return {@link #JTRANSFORMS} if m is a power of two ≥ 128, else {@link #STOCKHAM}
   * @throws IllegalArgumentException if m &lt; 1
   */
  public static Dft2Backend fastest(int m) {
    Args.side(m);
    return m >= 128 && Integer.bitCount(m) == 1 ? JTRANSFORMS : STOCKHAM;
  }

  /**
   * Parses a backend name.
   *
   * @param name a backend's name, any case
   * @return the backend
   * @throws IllegalArgumentException for an unknown name
   */
  public static Dft2Backend parse(String name) {
    return occam.io.EnumNames.parse(Dft2Backend.class, name, "DFT backend");
  }
}
