package occam.fourier;

/** The real-input 2D DFT implementations ({@link RealDft2}), selectable by name from the CLI. */
public enum RealDft2Backend {
  /** {@link StockhamRealDft2}: Occam's own, two-for-one packing over batched Stockham/Rader passes. */
  STOCKHAM {
    @Override
    public RealDft2 create(int m, DftNormalization normalization) {
      return new StockhamRealDft2(m, normalization);
    }
  },
  /** JTransforms' complex 2D transform behind {@link ComplexRealDft2} (JTransforms has no general c2r). */
  JTRANSFORMS {
    @Override
    public RealDft2 create(int m, DftNormalization normalization) {
      return new ComplexRealDft2(new JTransformsDft2(m, normalization));
    }
  },
  /** The O(m⁴) definition behind {@link ComplexRealDft2}; for tests and tiny m only. */
  NAIVE {
    @Override
    public RealDft2 create(int m, DftNormalization normalization) {
      return new ComplexRealDft2(new NaiveDft2(m, normalization));
    }
  };

  /**
   * Creates a real-input transform of side m.
   *
   * @param m side ≥ 1
   * @param normalization where the 1/m factors go
   * @return a new transform, for use by one thread
   * @throws IllegalArgumentException if m &lt; 1 or normalization is null
   */
  public abstract RealDft2 create(int m, DftNormalization normalization);

  /**
   * The fastest correct backend, by measurement ({@link occam.fourier.bench.TransformBench}: one
   * thread, forward + inverse pair, medians of three runs on the 2-core development machine, loaded):
   * STOCKHAM at every size measured. It took 0.15 ms at m = 97 against 5.6 ms for JTransforms
   * through {@link ComplexRealDft2}, 1.2 against 14 ms at 257, 0.089 against 0.30 at 96, 0.69
   * against 1.4 at 256 and 0.021 against 0.17 at 31.
   *
   * @return {@link #STOCKHAM}
   */
  public static RealDft2Backend fastest() {
    return STOCKHAM;
  }

  /**
   * Parses a backend name.
   *
   * @param name a backend's name, any case
   * @return the backend
   * @throws IllegalArgumentException for an unknown name
   */
  public static RealDft2Backend parse(String name) {
    return occam.io.EnumNames.parse(RealDft2Backend.class, name, "real DFT backend");
  }
}
