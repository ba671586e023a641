package occam.io;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The one JSON policy of every file and {@code --json} output Occam writes.
 *
 * <ul>
 *   <li>JSON has no NaN or infinity: a non-finite number is written as {@code null} (and read back
 *       as NaN); an absent step ({@link OptionalInt#empty()}) is {@code null} too. Keys are always
 *       present.
 *   <li>Records serialize with their component names in snake_case ({@code tMem} → {@code t_mem}).
 *   <li>Files are pretty-printed, end with a newline and are written atomically ({@link AtomicFiles}).
 * </ul>
 *
 * A {@link JsonPrimitive} holding NaN cannot be written (the writer is strict and throws): build trees
 * with {@link #number(double)}, never {@code addProperty(key, NaN)}.
 */
public final class Json {
  private Json() {}

  private static final TypeAdapter<Double> FINITE_OR_NULL = new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, Double v) throws IOException {
      if (v == null || !Double.isFinite(v)) {
        out.nullValue();
      } else {
        out.value(v.doubleValue());
      }
    }

    @Override
    public Double read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return Double.NaN;
      }
      return in.nextDouble();
    }
  };

  private static final TypeAdapter<Float> FLOAT_FINITE_OR_NULL = new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, Float v) throws IOException {
      if (v == null || !Float.isFinite(v)) {
        out.nullValue();
      } else {
        out.value(v.doubleValue());
      }
    }

    @Override
    public Float read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return Float.NaN;
      }
      return (float) in.nextDouble();
    }
  };

  private static final TypeAdapter<OptionalInt> OPTIONAL_INT = new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, OptionalInt v) throws IOException {
      if (v == null || v.isEmpty()) {
        out.nullValue();
      } else {
        out.value(v.getAsInt());
      }
    }

    @Override
    public OptionalInt read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return OptionalInt.empty();
      }
      return OptionalInt.of(in.nextInt());
    }
  };

  private static final TypeAdapter<OptionalDouble> OPTIONAL_DOUBLE = new TypeAdapter<>() {
    @Override
    public void write(JsonWriter out, OptionalDouble v) throws IOException {
      FINITE_OR_NULL.write(out, v == null || v.isEmpty() ? null : v.getAsDouble());
    }

    @Override
    public OptionalDouble read(JsonReader in) throws IOException {
      double d = FINITE_OR_NULL.read(in);
      return Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(d);
    }
  };

  private static GsonBuilder builder() {
    return new GsonBuilder()
        .serializeNulls()
        .disableHtmlEscaping()
        .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
        .registerTypeAdapter(Double.class, FINITE_OR_NULL)
        .registerTypeAdapter(double.class, FINITE_OR_NULL)
        .registerTypeAdapter(Float.class, FLOAT_FINITE_OR_NULL)
        .registerTypeAdapter(float.class, FLOAT_FINITE_OR_NULL)
        .registerTypeAdapter(OptionalInt.class, OPTIONAL_INT)
        .registerTypeAdapter(OptionalDouble.class, OPTIONAL_DOUBLE)
        .setStrictness(Strictness.STRICT);
  }

  /** Compact form: one line, for {@code --json} output and JSON-lines logs. */
  public static final Gson COMPACT = builder().create();

  /** Pretty-printed form, for files. */
  public static final Gson PRETTY = builder().setPrettyPrinting().create();

  /**
   * One line of JSON.
   *
   * @param value a record, a tree or any Gson-serializable value
   * @return its compact JSON
   */
  public static String compact(Object value) {
    return COMPACT.toJson(value);
  }

  /**
   * Pretty-printed JSON with a final newline.
   *
   * @param value a record, a tree or any Gson-serializable value
   * @return its JSON
   */
  public static String pretty(Object value) {
    return PRETTY.toJson(value) + "\n";
  }

  /**
   * Writes a value as a pretty-printed JSON file, atomically.
   *
   * @param file the target
   * @param value the value
   * @throws IOException if writing fails
   */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.writeString(file, pretty(value));
  }

  /**
   * A number for a JSON tree.
   *
   * @param x the value
   * @return x, or {@code null} when x is NaN or infinite
   */
  public static JsonElement number(double x) {
    return Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE;
  }

  /**
   * A step for a JSON tree.
   *
   * @param step the step, if reached
   * @return the step, or {@code null} when absent
   */
  public static JsonElement step(OptionalInt step) {
    return step.isPresent() ? new JsonPrimitive(step.getAsInt()) : JsonNull.INSTANCE;
  }

  /**
   * Reads a number written by {@link #number(double)}.
   *
   * @param e the element, possibly null or JSON null
   * @return its value, NaN for null or absent
   */
  public static double value(JsonElement e) {
    return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
  }

  /**
   * Reads a step written by {@link #step(OptionalInt)}.
   *
   * @param o the object
   * @param key the field
   * @return the step, empty for null or absent
   */
  public static OptionalInt step(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? OptionalInt.empty() : OptionalInt.of(e.getAsInt());
  }

  /**
   * Parses text as strict RFC 8259 JSON: no NaN or Infinity literals, no comments, no unquoted names,
   * nothing after the value.
   *
   * @param text the text
   * @return the parsed tree
   * @throws JsonParseException if the text is not strict JSON
   */
  public static JsonElement parseStrict(String text) {
    try (JsonReader r = new JsonReader(new StringReader(text))) {
      r.setStrictness(Strictness.STRICT);
      JsonElement e = COMPACT.getAdapter(JsonElement.class).read(r);
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("text after the JSON value at " + r.getPath());
      }
      return e;
    } catch (IOException | RuntimeException ex) {
      throw ex instanceof JsonParseException j ? j : new JsonParseException(ex.getMessage(), ex);
    }
  }
}
