package occam.sfm.opencl;

import java.util.Locale;

/**
 * The floating-point format the OpenCL engine computes in. The SFM's readout round(Ŷ) mod p and
 * its gate |W̃| &gt; τ are discontinuous, so the format matters where a value sits near a rounding
 * or gate boundary; the engine tests state the measured consequence.
 */
public enum Precision {
  /** IEEE binary64, unit roundoff u = 2⁻⁵³ ≈ 1.1e−16: what the CPU engine uses (needs cl_khr_fp64). */
  DOUBLE,
  /**
   * IEEE binary32, unit roundoff u = 2⁻²⁴ ≈ 6.0e−8: for devices without cl_khr_fp64. A relative
   * convergence tolerance below about m·u (the noise floor of a step) can then only be met by an
   * exact fixed point, so runs tend to go to their budget instead of converging.
   */
  SINGLE;

  /** @return "fp64" or "fp32" */
  public String label() {
    return this == DOUBLE ? "fp64" : "fp32";
  }

  /**
   * Parses a precision name.
   *
   * @param name double|fp64 or single|fp32 (any case)
   * @return the precision
   * @throws IllegalArgumentException for any other name
   */
  public static Precision parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "double":
      case "fp64":
        return DOUBLE;
      case "single":
      case "fp32":
        return SINGLE;
      default:
        throw new IllegalArgumentException("unknown precision '" + occam.io.Messages.value(name) + "': expected double (fp64) or single (fp32)");
    }
  }
}
