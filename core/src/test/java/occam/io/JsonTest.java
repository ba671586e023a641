package occam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  record Sample(double nStar, float gini, OptionalInt tMem, List<Double> xs) {}

  @Test
  void recordsAreSnakeCaseAndNonFiniteIsNull() {
    String s = Json.compact(new Sample(Double.NaN, Float.POSITIVE_INFINITY, OptionalInt.empty(), List.of(1.5, Double.NEGATIVE_INFINITY)));
    assertEquals("{\"n_star\":null,\"gini\":null,\"t_mem\":null,\"xs\":[1.5,null]}", s);
    assertEquals("{\"n_star\":2.0,\"gini\":0.5,\"t_mem\":7,\"xs\":[]}", Json.compact(new Sample(2, 0.5f, OptionalInt.of(7), List.of())));
  }

  @Test
  void recordsReadBackWithNullAsNaNAndEmpty() {
    Sample back = Json.COMPACT.fromJson("{\"n_star\":null,\"gini\":0.25,\"t_mem\":null,\"xs\":[null,3]}", Sample.class);
    assertTrue(Double.isNaN(back.nStar()));
    assertEquals(0.25f, back.gini());
    assertEquals(OptionalInt.empty(), back.tMem());
    assertTrue(Double.isNaN(back.xs().get(0)));
    assertEquals(3.0, back.xs().get(1));
  }

  @Test
  void treesUseNumberAndStep() {
    JsonObject o = new JsonObject();
    o.add("a", Json.number(Double.NaN));
    o.add("b", Json.number(0.125));
    o.add("t", Json.step(OptionalInt.of(12)));
    o.add("u", Json.step(OptionalInt.empty()));
    String s = Json.compact(o);
    assertEquals("{\"a\":null,\"b\":0.125,\"t\":12,\"u\":null}", s);
    JsonObject back = Json.parseStrict(s).getAsJsonObject();
    assertTrue(Double.isNaN(Json.value(back.get("a"))));
    assertTrue(Double.isNaN(Json.value(back.get("missing"))));
    assertEquals(0.125, Json.value(back.get("b")));
    assertEquals(OptionalInt.of(12), Json.step(back, "t"));
    assertEquals(OptionalInt.empty(), Json.step(back, "u"));
  }

  @Test
  void aNaNPrimitiveInATreeIsRefusedNotWritten() {
    JsonObject o = new JsonObject();
    o.addProperty("x", Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> Json.compact(o));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"x\":NaN}", "{\"x\":Infinity}", "{x:1}", "{\"x\":1} trailing", "{\"x\":1}{}", "// c\n{}", "['a']", ""})
  void strictParseRejectsWhatJsonParseRejects(String text) {
    assertThrows(JsonParseException.class, () -> Json.parseStrict(text));
  }

  @Test
  void filesArePrettyWithAFinalNewlineAndParse(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.json");
    Json.write(f, new Sample(1, 2, OptionalInt.of(3), List.of()));
    String text = Files.readString(f);
    assertTrue(text.endsWith("}\n"), text);
    assertTrue(text.contains("\n  \"n_star\": 1.0,"), text);
    assertEquals(3, Json.parseStrict(text).getAsJsonObject().get("t_mem").getAsInt());
  }
}
