package occam.transformer.records.analysis;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measure's result on one snapshot: the text of its cell in the paper's Table 1, its numbers
 * (the curves over all snapshots, one column each) and details for {@code analysis.json} (e.g. the
 * PCA projection, a layer × head matrix).
 *
 * @param cell the Table 1 cell, e.g. {@code 0.93 (k = 5)}
 * @param numbers name → value, in order (NaN where undefined; written as null)
 * @param details anything else, as JSON ({@link JsonNull} for none)
 */
public record Measured(String cell, Map<String, Double> numbers, JsonElement details) {

  /**
   * Copies the numbers.
   *
   * @throws IllegalArgumentException if the cell or numbers are null
   */
  public Measured {
    if (cell == null || numbers == null) {
      throw new IllegalArgumentException("a measured value needs a cell and numbers (empty when none)");
    }
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    details = details == null ? JsonNull.INSTANCE : details;
  }

  /**
   * One number by name.
   *
   * @param name a key of {@link #numbers()}
   * @return its value
   * @throws IllegalArgumentException if there is no such number
   */
  public double number(String name) {
    Double v = numbers.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no number " + name + " among " + numbers.keySet());
    }
    return v;
  }
}
