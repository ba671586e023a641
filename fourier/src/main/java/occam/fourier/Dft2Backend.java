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
   * The fastest correct backend, by measurement ({@link occam.fourier.bench.TransformBench}, one
   * thread, forward + inverse pair, CPU-time medians on the development machine): STOCKHAM took
   * 0.31 ms at m = 97 against JTransforms' 4.4 ms, 3.1 against 12.4 ms at 257, 0.17 against 0.29 at
   * 96 and 0.034 against 0.16 at 31; at the power-of-two 256 the two tie (1.3 against 1.2 ms) and at
   * 30 STOCKHAM is marginally ahead. Both pass the same reference tests.
   *
   * @return {@link #STOCKHAM}
   */
  public static Dft2Backend fastest() {
    return STOCKHAM;
  }

  /**
   * Parses a backend name.
   *
   * @param name a backend's name, any case
   * @return the backend
   * @throws IllegalArgumentException for an unknown name
   */
  public static Dft2Backend parse(String name) {
    return Args.parse(Dft2Backend.class, name, "DFT backend");
  }
}
