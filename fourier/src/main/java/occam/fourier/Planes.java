package occam.fourier;

/**
 * Moves between the public interleaved layout and the split planes {@link BatchFft} works on, and
 * transposes split planes in cache-sized tiles.
 */
final class Planes {
  /** Tile side for transposes: two 32×32 tiles of doubles (16 KiB) stay in a 32 KiB L1. */
  private static final int TILE = 32;

  private Planes() {}

  /**
   * Splits interleaved re/im into planes: re[i] = a[2i], im[i] = a[2i + 1].
   *
   * @param a interleaved, ≥ 2·count long
   * @param re real plane
   * @param im imaginary plane
   * @param count number of complex entries
   */
  static void deinterleave(double[] a, double[] re, double[] im, int count) {
    for (int i = 0; i < count; i++) {
      re[i] = a[2 * i];
      im[i] = a[2 * i + 1];
    }
  }

  /**
   * Transposes a rows×cols plane: dst[c·rows + r] = src[r·cols + c].
   *
   * @param src source plane
   * @param dst destination plane, distinct from src
   * @param rows source rows
   * @param cols source columns
   */
  static void transpose(double[] src, double[] dst, int rows, int cols) {
    for (int r0 = 0; r0 < rows; r0 += TILE) {
      int r1 = Math.min(rows, r0 + TILE);
      for (int c0 = 0; c0 < cols; c0 += TILE) {
        int c1 = Math.min(cols, c0 + TILE);
        for (int r = r0; r < r1; r++) {
          int s = r * cols;
          for (int c = c0; c < c1; c++) {
            dst[c * rows + r] = src[s + c];
          }
        }
      }
    }
  }

  /**
   * Transposes a rows×cols split matrix into interleaved form, scaling:
   * a[2(c·rows + r)] = scale·re[r·cols + c], a[2(c·rows + r) + 1] = scale·im[r·cols + c].
   *
   * @param re real plane
   * @param im imaginary plane
   * @param a interleaved destination, ≥ 2·rows·cols long
   * @param rows source rows
   * @param cols source columns
   * @param scale factor applied to every entry
   */
  static void transposeInterleave(double[] re, double[] im, double[] a, int rows, int cols, double scale) {
    for (int r0 = 0; r0 < rows; r0 += TILE) {
      int r1 = Math.min(rows, r0 + TILE);
      for (int c0 = 0; c0 < cols; c0 += TILE) {
        int c1 = Math.min(cols, c0 + TILE);
        for (int r = r0; r < r1; r++) {
          int s = r * cols;
          for (int c = c0; c < c1; c++) {
            int o = 2 * (c * rows + r);
            a[o] = re[s + c] * scale;
            a[o + 1] = im[s + c] * scale;
          }
        }
      }
    }
  }
}
