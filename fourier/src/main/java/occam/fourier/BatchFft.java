package occam.fourier;

/**
 * A forward 1D DFT of length n applied to every column of an n×w matrix: the engine behind
 * {@link StockhamDft2} and {@link StockhamRealDft2}.
 *
 * <p>Layout: split planes, row-major, the batch index innermost, so element t of column j sits at
 * {@code re[t·w + j]}, {@code im[t·w + j]}. Every butterfly then runs over whole contiguous rows
 * with loop-invariant twiddles, and the 2D transforms reach the other axis by transposing as they
 * gather and scatter. Only the forward kernel e^{−2πitk/n} exists: the unnormalized inverse is the forward
 * transform with the re and im planes swapped (IDFT(x) = swap(DFT(swap(x))), swap(a + ib) = b + ia),
 * which costs nothing with split planes.
 *
 * <p>{@link #plan} picks the algorithm: mixed-radix Stockham when n's prime factors are small,
 * Rader's prime-length algorithm when n is prime, Bluestein's chirp-z otherwise. A plan owns its
 * scratch memory, so one instance serves one thread.
 *
 * <p>A plan may want its rows in another order than 0..n−1 ({@link #forwardOrdered}): Rader's
 * works on the rows permuted by powers of a primitive root, and callers that gather and scatter
 * anyway (the 2D transforms) save it two permuting copies by indexing through {@link
 * #inputPositions} and {@link #outputPositions}.
 */
abstract class BatchFft {
  /** Largest prime factor the mixed-radix Stockham plan takes (odd radices beyond 7 cost O(r) per point). */
  static final int MAX_STOCKHAM_FACTOR = 13;
  /**
   * Complex points per batch that the 2D transforms hand to a plan at once: n × w ≤ 6144 keeps a
   * plane pair at 96 KiB, so the source, destination and the plan's own scratch (up to four more
   * pairs for Rader) stay in a 1 MiB L2 cache. Wider matrices are transformed in column chunks.
   * Measured on the development machine (2 cores, loaded): 4096 and 8192 were no better at m = 97,
   * 256, 257; no chunking doubled the time of the complex 256×256 pair.
   */
  static final int CHUNK_POINTS = 6144;

  /** Transform length n. */
  final int n;
  /** Widest batch w the scratch memory was sized for. */
  final int maxWidth;

  BatchFft(int n, int maxWidth) {
    this.n = n;
    this.maxWidth = maxWidth;
  }

  /**
   * Chooses and builds the plan for length n: Stockham if every prime factor of n is at most {@link
   * #MAX_STOCKHAM_FACTOR}, else Rader if n is prime, else Bluestein.
   *
   * @param n length ≥ 1
   * @param maxWidth the widest batch that will be transformed, ≥ 1
   * @return a plan for one thread
   */
  static BatchFft plan(int n, int maxWidth) {
    if (largestPrimeFactor(n) <= MAX_STOCKHAM_FACTOR) {
      return new StockhamFft(n, maxWidth);
    }
    if (occam.modular.Primes.isPrime(n)) {
      return new RaderFft(n, maxWidth);
    }
    return new BluesteinFft(n, maxWidth);
  }

  /**
   * Transforms every column: dst[k][j] = Σ_t src[t][j]·e^{−2πitk/n}, unnormalized. {@code src} is
   * left unchanged; the three plane pairs must be distinct arrays.
   *
   * @param srcRe real plane of the input, ≥ n·w long
   * @param srcIm imaginary plane of the input
   * @param dstRe real plane of the output, ≥ n·w long
   * @param dstIm imaginary plane of the output
   * @param w batch width, 1 ≤ w ≤ maxWidth
   */
  abstract void forward(double[] srcRe, double[] srcIm, double[] dstRe, double[] dstIm, int w);

  /**
   * {@link #forward} with rows in the plan's own order: logical input row t is read from physical
   * row {@code inputPositions()[t]} of src, and logical output row k is written to physical row
   * {@code outputPositions()[k]} of dst. The same as forward for plans that keep the natural order.
   *
   * @param srcRe real plane of the input, rows in input order
   * @param srcIm imaginary plane of the input
   * @param dstRe real plane of the output, rows in output order
   * @param dstIm imaginary plane of the output
   * @param w batch width, 1 ≤ w ≤ maxWidth
   */
  void forwardOrdered(double[] srcRe, double[] srcIm, double[] dstRe, double[] dstIm, int w) {
    forward(srcRe, srcIm, dstRe, dstIm, w);
  }

  /** @return physical row of each logical input row for {@link #forwardOrdered} (a fresh array) */
  int[] inputPositions() {
    return identity(n);
  }

  /** @return physical row of each logical output row for {@link #forwardOrdered} (a fresh array) */
  int[] outputPositions() {
    return identity(n);
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /**
   * How many columns of a width-w batch of length-n columns to transform at once: the widest chunk
   * with n·chunk ≤ {@link #CHUNK_POINTS}, evened out so the chunks have nearly equal widths.
   *
   * @param n column length ≥ 1
   * @param width total batch width ≥ 1
   * @return chunk width in [1, width]
   */
  static int chunkWidth(int n, int width) {
    int widest = Math.max(1, Math.min(width, CHUNK_POINTS / n));
    int chunks = (width + widest - 1) / widest;
    return (width + chunks - 1) / chunks;
  }

  /**
   * Row stride for a chunk of w columns: w made odd. With a power-of-two stride the r inputs of a
   * butterfly, n/r rows apart, fall 4 KiB apart or a multiple of it and fight over the same L1 cache
   * sets (the complex 64×64 pair ran at half speed); an odd stride spreads them. The extra column, if
   * any, is transformed along with the others and ignored.
   *
   * @param w chunk width ≥ 1
   * @return w or w + 1, whichever is odd
   */
  static int stride(int w) {
    return w | 1;
  }

  /**
   * The largest prime factor of n (1 for n = 1).
   *
   * @param n ≥ 1
   * @return the factor
   */
  static int largestPrimeFactor(int n) {
    int largest = 1;
    int r = n;
    for (int d = 2; (long) d * d <= r; d++) {
      while (r % d == 0) {
        largest = d;
        r /= d;
      }
    }
    return Math.max(largest, r);
  }

  /**
   * Multiplies each row t of an n×w split matrix by the complex scalar (fr[t], fi[t]).
   *
   * @param re real plane
   * @param im imaginary plane
   * @param fr real parts of the row factors
   * @param fi imaginary parts of the row factors
   * @param rows number of rows
   * @param w row width
   */
  static void scaleRows(double[] re, double[] im, double[] fr, double[] fi, int rows, int w) {
    for (int t = 0; t < rows; t++) {
      double cr = fr[t];
      double ci = fi[t];
      int o = t * w;
      for (int j = o; j < o + w; j++) {
        double xr = re[j];
        double xi = im[j];
        re[j] = xr * cr - xi * ci;
        im[j] = xr * ci + xi * cr;
      }
    }
  }
}
