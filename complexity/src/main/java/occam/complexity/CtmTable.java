package occam.complexity;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import occam.complexity.ctm.OutputDistribution;

/**
 * A Coding Theorem Method table: CTM(s) = −log₂ D(s) in bits for canonical blocks s of each shape
 * (Soler-Toscano et al. 2014, Eq. 3), read from or written to TSV.
 *
 * <p>Format: optional {@code #} comment lines (provenance), then the header {@code
 * shape<TAB>key<TAB>ctm_bits}, then one row per block: shape label ("12" or "4x4"), canonical key
 * (digits, 2D rows concatenated), CTM in bits. A file whose name ends in {@code .gz}, or whose bytes
 * start with the gzip magic number, is read through gzip.
 *
 * <p>A block of a listed shape that is missing from the table costs that shape's maximum CTM + 1 (the
 * published convention). The table's alphabet is the largest symbol in its keys plus one.
 */
public final class CtmTable {

  /** The header row every table carries. */
  public static final String HEADER = "shape\tkey\tctm_bits";

  private static final Comparator<BlockShape> SHAPE_ORDER =
      Comparator.comparing(BlockShape::twoDimensional)
          .thenComparingInt(BlockShape::rows)
          .thenComparingInt(BlockShape::cols);

  private final String name;
  private final int alphabet;
  private final List<String> comments;
  private final Map<BlockShape, Map<String, Double>> values;
  private final Map<BlockShape, double[]> range;

  private CtmTable(String name, List<String> comments, Map<BlockShape, Map<String, Double>> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("CTM table " + name + " has no rows");
    }
    this.name = name;
    this.comments = List.copyOf(comments);
    Map<BlockShape, Map<String, Double>> sorted = new TreeMap<>(SHAPE_ORDER);
    Map<BlockShape, double[]> minMax = new HashMap<>();
    int maxSymbol = 0;
    for (Map.Entry<BlockShape, Map<String, Double>> e : values.entrySet()) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, Double> kv : e.getValue().entrySet()) {
        lo = Math.min(lo, kv.getValue());
        hi = Math.max(hi, kv.getValue());
        for (int i = 0; i < kv.getKey().length(); i++) {
          maxSymbol = Math.max(maxSymbol, kv.getKey().charAt(i) - '0');
        }
      }
      sorted.put(e.getKey(), Collections.unmodifiableMap(new HashMap<>(e.getValue())));
      minMax.put(e.getKey(), new double[] {lo, hi});
    }
    this.alphabet = Math.max(2, maxSymbol + 1);
    this.values = Collections.unmodifiableMap(sorted);
    this.range = minMax;
  }

  /**
   * Reads a table file.
   *
   * @param file a TSV file, optionally gzip-compressed
   * @return the table, named after the file (without .tsv / .tsv.gz)
   * @throws IllegalArgumentException if the file does not exist or is not a CTM table
   * @throws UncheckedIOException if reading fails
   */
  public static CtmTable read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(nameOf(file.getFileName().toString()), in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("CTM table file " + file + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CTM table " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a table from a stream (gzip detected by its magic number).
   *
   * @param name the name the table reports
   * @param stream the bytes (not closed)
   * @return the table
   * @throws IllegalArgumentException if the content is not a CTM table
   * @throws UncheckedIOException if reading fails
   */
  public static CtmTable read(String name, InputStream stream) {
    try {
      BufferedInputStream in = new BufferedInputStream(stream);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      InputStream body = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in) : in;
      return parse(name, new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CTM table " + name + ": " + e.getMessage(), e);
    }
  }

  private static CtmTable parse(String name, BufferedReader reader) throws IOException {
    List<String> comments = new ArrayList<>();
    Map<BlockShape, Map<String, Double>> values = new LinkedHashMap<>();
    Map<String, BlockShape> shapes = new HashMap<>();
    boolean header = false;
    int lineNo = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      lineNo++;
      if (line.startsWith("#")) {
        comments.add(line.substring(1).trim());
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      if (!header) {
        if (!line.strip().equals(HEADER)) {
          throw new IllegalArgumentException(
              name + " is not a CTM table: line " + lineNo + " should be the header '"
                  + HEADER.replace("\t", "<TAB>") + "'");
        }
        header = true;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": expected 3 tab-separated fields, found " + f.length);
      }
      String where = name + " line " + lineNo + ": ";
      BlockShape shape;
      double bits;
      try {
        shape = shapes.computeIfAbsent(f[0].trim(), BlockShape::parse);
        bits = Double.parseDouble(f[2].trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
      String key = f[1].trim();
      if (key.length() != shape.cells()) {
        throw new IllegalArgumentException(
            where + "key '" + key + "' has " + key.length() + " symbols, shape " + shape
                + " needs " + shape.cells());
      }
      if (!key.chars().allMatch(c -> c >= '0' && c <= '9') || !CanonicalKey.isCanonical(key)) {
        throw new IllegalArgumentException(
            where + "key '" + key + "' is not canonical (digits relabelled in order of appearance)");
      }
      if (!(bits >= 0) || Double.isInfinite(bits)) {
        throw new IllegalArgumentException(where + "CTM " + f[2] + " is not a finite value >= 0");
      }
      if (values.computeIfAbsent(shape, s -> new HashMap<>()).put(key, bits) != null) {
        throw new IllegalArgumentException(where + "key '" + key + "' appears twice");
      }
    }
    if (!header) {
      throw new IllegalArgumentException(
          name + " is not a CTM table: no header '" + HEADER.replace("\t", "<TAB>") + "'");
    }
    return new CtmTable(name, comments, values);
  }

  /**
   * Builds a table from an output frequency distribution D(n, m), symmetric under relabelling of the
   * symbols: CTM(k) = −log₂( Σ_{s ~ k} count(s) / (v(k) · halting) ), the sum over the v(k) = m!/(m−j)!
   * strings s whose canonical key is k (j distinct symbols). The probabilities of a key's variants
   * are averaged, so for m = 2 a string and its complement share one value, as in the published tables.
   *
   * @param d the distribution
   * @param maxLength longest strings to keep
   * @param name the table's name
   * @param comments provenance lines written above the header
   * @return the 1D table
   * @throws IllegalArgumentException if maxLength &lt; 1 or no string is short enough
   */
  public static CtmTable of(OutputDistribution d, int maxLength, String name, List<String> comments) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength " + maxLength + " is not allowed: need >= 1");
    }
    Map<String, Long> byKey = new HashMap<>();
    d.counts().forEach(
        (s, c) -> {
          if (s.length() <= maxLength) {
            byKey.merge(CanonicalKey.of(s), c, Long::sum);
          }
        });
    int m = d.space().symbols();
    Map<BlockShape, Map<String, Double>> values = new LinkedHashMap<>();
    byKey.forEach(
        (k, c) -> {
          double p = c / ((double) CanonicalKey.variants(m, CanonicalKey.symbolCount(k)) * d.halting());
          values
              .computeIfAbsent(BlockShape.ofLength(k.length()), s -> new HashMap<>())
              .put(k, -Math.log(p) / Math.log(2));
        });
    return new CtmTable(name, comments, values);
  }

  /**
   * Writes the table as TSV (gzip if the file name ends in .gz), atomically: to a temporary file in the
   * same directory, then moved into place.
   *
   * @param file destination
   * @throws UncheckedIOException if writing fails
   */
  public void write(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        try (OutputStream raw = Files.newOutputStream(tmp);
            OutputStream out =
                file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
          for (String c : comments) {
            w.write("# " + c + "\n");
          }
          w.write(HEADER + "\n");
          for (Map.Entry<BlockShape, Map<String, Double>> e : values.entrySet()) {
            for (Map.Entry<String, Double> kv : new TreeMap<>(e.getValue()).entrySet()) {
              w.write(e.getKey().label() + "\t" + kv.getKey() + "\t" + kv.getValue() + "\n");
            }
          }
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CTM table " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table's name (file name without extension, or the resource's name).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Largest symbol in any key, plus one (at least 2).
   *
   * @return the alphabet size the table covers
   */
  public int alphabet() {
    return alphabet;
  }

  /**
   * The provenance comment lines (without the leading #).
   *
   * @return the comments
   */
  public List<String> comments() {
    return comments;
  }

  /**
   * The block shapes the table lists.
   *
   * @return shapes, 1D first, then by size
   */
  public Set<BlockShape> shapes() {
    return values.keySet();
  }

  /**
   * The rows of one shape.
   *
   * @param shape a listed shape
   * @return canonical key to CTM bits (unmodifiable; empty if the shape is not listed)
   */
  public Map<String, Double> entries(BlockShape shape) {
    return values.getOrDefault(shape, Map.of());
  }

  /**
   * CTM of a canonical block: the table's value, or the shape's maximum + 1 if the block is missing.
   *
   * @param shape a listed shape
   * @param canonicalKey the block's canonical key
   * @return CTM in bits
   * @throws IllegalArgumentException if the shape is not listed
   */
  public double value(BlockShape shape, String canonicalKey) {
    Double v = entries(shape).get(canonicalKey);
    return v != null ? v : missingValue(shape);
  }

  /**
   * The cost of a block missing from the table: the shape's maximum CTM + 1.
   *
   * @param shape a listed shape
   * @return max + 1 bits
   * @throws IllegalArgumentException if the shape is not listed
   */
  public double missingValue(BlockShape shape) {
    return range(shape)[1] + 1;
  }

  /**
   * The smallest CTM of a shape.
   *
   * @param shape a listed shape
   * @return the minimum in bits
   * @throws IllegalArgumentException if the shape is not listed
   */
  public double minValue(BlockShape shape) {
    return range(shape)[0];
  }

  private double[] range(BlockShape shape) {
    double[] r = range.get(shape);
    if (r == null) {
      throw new IllegalArgumentException(
          "CTM table " + name + " has no blocks of shape " + shape + "; it lists " + shapes());
    }
    return r;
  }

  private static String nameOf(String fileName) {
    return fileName.replaceFirst("\\.gz$", "").replaceFirst("\\.tsv$", "");
  }

  @Override
  public String toString() {
    return name + " (alphabet " + alphabet + ", shapes " + shapes() + ")";
  }
}
