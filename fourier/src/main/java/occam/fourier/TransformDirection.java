package occam.fourier;

/** Direction of a DFT: the sign of the exponent in ω^{±(ka+lb)}, ω = e^{−2πi/m}. */
public enum TransformDirection {
  /** Kernel e^{−2πi(ka+lb)/m}. */
  FORWARD,
  /** Kernel e^{+2πi(ka+lb)/m}. */
  INVERSE
}
