package occam.fourier;

/**
 * Cyclic convolution of every column of a batch with one fixed kernel b, by the convolution
 * theorem: a ⊛ b = IDFT(DFT(a)·DFT(b)). The shared core of {@link RaderFft} and {@link
 * BluesteinFft}. Callers fill the input plane pair, call {@link #spectrum} (after which the
 * spectrum plane pair holds DFT(a)) and {@link #convolve}, and read a ⊛ b back from the input pair.
 */
final class CyclicConvolution {
  /** Convolution length. */
  final int length;
  /** Input, and after {@link #convolve} the result: length × width, layout of {@link BatchFft}. */
  final double[] inRe;
  final double[] inIm;
  /** DFT of the input after {@link #spectrum}. */
  final double[] spectrumRe;
  final double[] spectrumIm;
  private final BatchFft fft;
  private final double[] kernelRe;
  private final double[] kernelIm;

  /**
   * @param fft a plan of the convolution length
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
    this.inRe = new double[length * fft.maxWidth];
    this.inIm = new double[length * fft.maxWidth];
    this.spectrumRe = new double[length * fft.maxWidth];
    this.spectrumIm = new double[length * fft.maxWidth];
  }

  /**
   * DFT of the input columns into the spectrum planes.
   *
   * @param w batch width
   */
  void spectrum(int w) {
    fft.forward(inRe, inIm, spectrumRe, spectrumIm, w);
  }

  /**
   * Multiplies the spectrum by DFT(b)/length and transforms back into the input planes, which then
   * hold a ⊛ b. Swapped planes make the forward kernel the unnormalized inverse.
   *
   * @param w batch width
   */
  void convolve(int w) {
    BatchFft.scaleRows(spectrumRe, spectrumIm, kernelRe, kernelIm, length, w);
    fft.forward(spectrumIm, spectrumRe, inIm, inRe, w);
  }
}
