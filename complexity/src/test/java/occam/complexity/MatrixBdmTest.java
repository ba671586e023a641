package occam.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatrixBdmTest {
  private static final double[][] SYMBOLS = {{0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0}};

  @Test
  void defaultIsTheQuartilePreset() {
    MatrixBdm m = MatrixBdm.of(Optional.empty(), Optional.empty(), Optional.empty(), Boundary.IGNORE, Quantization.AUTO);
    assertEquals(BdmPreset.DEFAULT.shape(), m.bdm().shape());
    assertEquals(4, m.bdm().alphabet());
    assertEquals("ctm-own-b4-d12", m.bdm().table().name());
  }

  @Test
  void symbolsAreKeptAndGiveThePresetsValue() {
    MatrixBdm m = MatrixBdm.of(Optional.empty(), Optional.of(2), Optional.empty(), Boundary.IGNORE, Quantization.AUTO);
    MatrixBdm.Report r = m.value("x", SYMBOLS);
    assertEquals("none (cells are symbols)", r.quantization());
    assertEquals(BdmPreset.MEDIAN.bdm().value(SymbolMatrix.of(new int[][] {{0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0}})).bits(),
        r.bdmBits());
    assertEquals(1, r.blocks());
    assertEquals("1D over the row-major sequence", r.blockKind());
  }

  @Test
  void quantilesEvenForSymbolsWhenAsked() {
    MatrixBdm m = MatrixBdm.of(Optional.empty(), Optional.of(2), Optional.empty(), Boundary.IGNORE, Quantization.QUANTILES);
    assertEquals("quantiles", m.value("x", SYMBOLS).quantization());
  }

  @Test
  void namedTableTakesItsPresetShape() {
    MatrixBdm m = MatrixBdm.of(Optional.of("ctm-own-b4-d12"), Optional.empty(), Optional.empty(), Boundary.IGNORE,
        Quantization.AUTO);
    assertEquals(BlockShape.ofLength(6), m.bdm().shape());
  }

  @Test
  void noneRefusesNonSymbols() {
    MatrixBdm m = MatrixBdm.of(Optional.empty(), Optional.of(2), Optional.empty(), Boundary.IGNORE, Quantization.NONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.value("m.csv", new double[][] {{0.5}}));
    assertEquals("m.csv has cells that are not integers 0..1 (--quantize none)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Quantization.parse("maybe"));
  }
}
