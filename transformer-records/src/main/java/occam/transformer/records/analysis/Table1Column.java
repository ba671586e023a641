package occam.transformer.records.analysis;

/**
 * The measured columns of the paper's Table 1 (seed 004, "Main Results"), each filled by the measure
 * of that name when one is registered with the analysis, and marked "not measured" otherwise.
 */
public enum Table1Column {
  /** Distribution of high-response heads: the share of Σ|CMS| per layer band (causal mediation). */
  CMA("cma", "high-response heads (CMA: share of Σ|CMS| per layer band)"),
  /** Layers whose skip-ablation leaves train and test accuracy nearly unchanged. */
  BYPASS("bypass", "bypassable layers (skip-ablation)"),
  /** Embedding manifold: the ring score of W_E and its dominant frequency. */
  RING("embedding", "embedding manifold: ring score (k*)"),
  /** Spectral concentration of the 2-D DFT of W_E. */
  SPECTRUM("spectrum", "spectral concentration of the 2-D DFT of W_E: Gini, IPR"),
  /** K_BDM of the quantized weight matrices. */
  BDM("bdm", "K_BDM of the quantized weights (bits)");

  private final String measure;
  private final String header;

  Table1Column(String measure, String header) {
    this.measure = measure;
    this.header = header;
  }

  /** @return the name of the measure that fills this column */
  public String measure() {
    return measure;
  }

  /** @return the column header */
  public String header() {
    return header;
  }
}
