package occam.transformer;

import static occam.transformer.records.Settings.*;
import occam.transformer.records.RunFolder;

import occam.transformer.records.TrainingConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: exact round trip, and every kind of damage reported as unreadable. */
class CheckpointTest {
  private static Checkpoint sample() {
    TrainingConfig config = TrainingConfig.builder().set(P, 5).set(D_MODEL, 8).set(HEADS, 2).set(D_MLP, 16).build();
    List<NamedTensor> params = List.of(
        new NamedTensor("embed.W_E", new int[] {6, 8}, ramp(48, 0.5f)),
        new NamedTensor("blocks.0.mlp.b_in", new int[] {16}, ramp(16, -1f)));
    List<NamedTensor> m = List.of(
        new NamedTensor("embed.W_E", new int[] {6, 8}, ramp(48, 1e-3f)),
        new NamedTensor("blocks.0.mlp.b_in", new int[] {16}, ramp(16, Float.MIN_VALUE)));
    List<NamedTensor> v = List.of(
        new NamedTensor("embed.W_E", new int[] {6, 8}, ramp(48, 1e-7f)),
        new NamedTensor("blocks.0.mlp.b_in", new int[] {16}, ramp(16, Float.MAX_VALUE / 32)));
    return new Checkpoint(config, 40, 40, OptionalInt.of(17), OptionalInt.empty(), 1.25, params, m, v);
  }

  private static float[] ramp(int n, float scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * (i - n / 3);
    }
    return x;
  }

  @Test
  void roundTripsExactly(@TempDir Path tmp) throws IOException {
    Checkpoint c = sample();
    Path file = tmp.resolve("checkpoint").resolve(Checkpoint.FILE_NAME);
    c.write(file);
    Checkpoint back = Checkpoint.read(file);
    assertEquals(c.config(), back.config());
    assertEquals(40, back.step());
    assertEquals(40, back.updates());
    assertEquals(OptionalInt.of(17), back.memorizationStep());
    assertEquals(OptionalInt.empty(), back.grokkingStep());
    assertEquals(1.25, back.elapsedSeconds());
    for (int i = 0; i < 2; i++) {
      assertEquals(c.parameters().get(i).name(), back.parameters().get(i).name());
      assertArrayEquals(c.parameters().get(i).shape(), back.parameters().get(i).shape());
      assertArrayEquals(c.parameters().get(i).data(), back.parameters().get(i).data());
      assertArrayEquals(c.firstMoments().get(i).data(), back.firstMoments().get(i).data());
      assertArrayEquals(c.secondMoments().get(i).data(), back.secondMoments().get(i).data());
    }
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(Checkpoint.FILE_NAME), files.map(f -> f.getFileName().toString()).toList(),
          "no temporary file left behind");
    }
  }

  @Test
  void reportsDamageAsUnreadable(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve(Checkpoint.FILE_NAME);
    sample().write(file);
    byte[] good = Files.readAllBytes(file);
    byte[][] damaged = {
      flip(good, good.length / 2),
      flip(good, 20),
      Arrays.copyOf(good, good.length - 3),
      Arrays.copyOf(good, good.length + 1),
      Arrays.copyOf(good, 5),
      "not a checkpoint at all".getBytes(),
      new byte[0]
    };
    for (byte[] bytes : damaged) {
      Files.write(file, bytes);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(file));
      assertTrue(e.getMessage().startsWith("checkpoint ") && e.getMessage().contains("unreadable"), e.getMessage());
    }
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(tmp.resolve("absent")));
    assertTrue(missing.getMessage().contains("unreadable"));
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] out = bytes.clone();
    out[index] ^= 0x01;
    return out;
  }
}
