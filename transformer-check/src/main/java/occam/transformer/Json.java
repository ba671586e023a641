package occam.transformer;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.OptionalInt;

/** JSON conventions of the run files: non-finite numbers and absent steps are written as null. */
final class Json {
  private Json() {}

  /** @return x, or null when x is NaN or infinite */
  static JsonElement number(double x) {
    return Double.isFinite(x) ? new JsonPrimitive(x) : JsonNull.INSTANCE;
  }

  /** @return the number, NaN for null or absent */
  static double value(JsonElement e) {
    return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
  }

  /** @return the step, or null when absent */
  static JsonElement optional(OptionalInt v) {
    return v.isPresent() ? new JsonPrimitive(v.getAsInt()) : JsonNull.INSTANCE;
  }

  /** @return o[key] as an optional int, empty for null or absent */
  static OptionalInt optionalInt(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? OptionalInt.empty() : OptionalInt.of(e.getAsInt());
  }
}
