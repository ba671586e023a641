package occam.fourier;

/**
 * Cyclic convolution of every column of a batch with one fixed kernel b, by the convolution
 * theorem: a ⊛ b = IDFT(DFT(a)·DFT(b)). The shared core of {@link RaderFft} and {@link
 * BluesteinFft}: {@link #spectrum} takes DFT(a) into the spectrum planes, where the caller may read
 * or adjust it, and {@link #convolve} finishes a ⊛ b into a destination.
 */
final class CyclicConvolution {
  /** Convolution length. */
  final int length;
  /** DFT of the input after {@link #spectrum}: length × width, layout of {@link BatchFft}. */
  final double[] spectrumRe;
  final double[] spectrumIm;
  private final BatchFft fft;
  private final double[] kernelRe;
  private final double[] kernelIm;

  /**
   * @param fft a plan of the convolution length, natural row order
   * @param bRe real parts of the kernel b, fft.n long
   * @param bIm imaginary parts of b
   */
  CyclicConvolution(BatchFft fft, double[] bRe, double[] bIm) {
    this.fft = fft;
    this.length = fft.n;
    double[] re = new double[length];
    double[] im = new double[length];
    fft.forward(bRe, bIm, re, im, 1);
    // DFT(b)/length, so that the unnormalized inverse below needs no further scaling.
    for (int j = 0; j < length; j++) {
      re[j] /= length;
      im[j] /= length;
    }
    this.kernelRe = re;
    this.kernelIm = im;
    this.spectrumRe = new double[length * fft.maxWidth];
    this.spectrumIm = new double[length * fft.maxWidth];
  }

  /**
   * DFT of the first {@code length} rows of a into the spectrum planes.
   *
   * @param aRe real plane of a
   * @param aIm imaginary plane of a
   * @param w batch width
   */
  void spectrum(double[] aRe, double[] aIm, int w) {
    fft.forward(aRe, aIm, spectrumRe, spectrumIm, w);
  }

  /** Multiplies the spectrum by DFT(b)/length (after which adding v to row 0 adds v to every output). */
  void applyKernel(int w) {
    BatchFft.scaleRows(spectrumRe, spectrumIm, kernelRe, kernelIm, length, w);
  }

  /**
   * Transforms the (kernel-multiplied) spectrum back into the first {@code length} rows of dst.
   * Swapped planes make the forward kernel the unnormalized inverse.
   *
   * @param dstRe real plane of the result
   * @param dstIm imaginary plane of the result
   * @param w batch width
   */
  void convolve(double[] dstRe, double[] dstIm, int w) {
    fft.forward(spectrumIm, spectrumRe, dstIm, dstRe, w);
  }
}
