package occam.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import occam.transformer.HookPoint.Kind;
import occam.transformer.records.ModelConfig;
import org.junit.jupiter.api.Test;

/** The hook points of the forward pass: order, shapes, replacement and bypass. */
class HookTest {
  private static final int P = 7;
  private static final ModelConfig CONFIG = ModelConfig.forModulus(P, 2, 8, 2, 12, false);

  private static NDArray tokens(NDManager manager) {
    return manager.create(new int[] {1, 2, P, 3, 4, P}, new Shape(2, 3));
  }

  @Test
  void pointsAreVisitedInForwardOrderWithTheirShapes() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(CONFIG, 1, manager);
      List<String> seen = new ArrayList<>();
      model.logits(new ParameterStore(manager, false), tokens(manager), (point, value) -> {
        seen.add(point.kind() + " " + point.layer() + " " + value.getShape());
        return value;
      });
      // the last layer computes only the last position from the attention onward
      assertEquals(List.of(
          "RESID_PRE 0 (2, 3, 8)", "HEAD_Z 0 (2, 2, 3, 4)", "ATTN_OUT 0 (2, 3, 8)", "RESID_MID 0 (2, 3, 8)",
          "MLP_POST 0 (2, 3, 12)", "RESID_POST 0 (2, 3, 8)",
          "RESID_PRE 1 (2, 3, 8)", "HEAD_Z 1 (2, 2, 1, 4)", "ATTN_OUT 1 (2, 1, 8)", "RESID_MID 1 (2, 1, 8)",
          "MLP_POST 1 (2, 1, 12)", "RESID_POST 1 (2, 1, 8)"), seen);
    }
  }

  @Test
  void aReplacedStreamIsWhatTheUnembeddingReadsAndABypassedLayerIsNotVisited() {
    try (NDManager manager = Djl.engine().newBaseManager()) {
      DecoderTransformer model = DecoderTransformer.create(CONFIG, 1, manager);
      ParameterStore store = new ParameterStore(manager, false);
      List<Integer> layers = new ArrayList<>();
      float[] logits = model.logits(store, tokens(manager), new Hook() {
        @Override
        public NDArray at(HookPoint point, NDArray value) {
          layers.add(point.layer());
          return point.kind() == Kind.RESID_POST ? value.zerosLike() : value;
        }

        @Override
        public boolean bypasses(int layer) {
          return layer == 0;
        }
      }).toFloatArray();
      assertEquals(List.of(1, 1, 1, 1, 1, 1), layers);
      assertArrayEquals(new float[2 * P], logits);
    }
  }

  @Test
  void badPointsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HookPoint(null, 0));
    assertThrows(IllegalArgumentException.class, () -> new HookPoint(Kind.MLP_POST, -1));
  }
}
