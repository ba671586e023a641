package occam.results.llc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLC curve's files, and the drop compare reads back from them. */
class LlcCurveReportTest {
  private static LlcCurveRow row(int step, double llc) {
    return new LlcCurveRow(step, llc, 0.5, 1, 1.01, 0.2, 0.4, !Double.isFinite(llc), 1e-3, llc / 157.7, 1105, 157.7, 1e-4, 100, 4,
        1000, 1000, 64, 0);
  }

  @Test
  void csvReadsBackAsTheDrop(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(LlcDrop.RUN_SUBFOLDER));
    List<LlcCurveRow> rows = List.of(row(0, 3), row(60, 410), row(90, 420), row(824, 60), row(1500, 35));
    List<Path> files = LlcCurveReport.write(rows, List.of(), OptionalInt.of(76), OptionalInt.of(824), dir, "occam llc x");
    assertEquals(List.of(dir.resolve(LlcCurveReport.CSV), dir.resolve(LlcCurveReport.FIGURE)), files);
    assertTrue(Files.size(dir.resolve(LlcCurveReport.FIGURE)) > 0);
    List<String> lines = Files.readAllLines(dir.resolve(LlcCurveReport.CSV));
    assertEquals("# command: occam llc x", lines.get(0));
    assertEquals("step,llc,standard_error,chain_spread,r_hat,drift,drift_z,diverged,loss_at_w_star,loss_rise,n,n_beta,epsilon,"
        + "gamma,chains,burn_in,draws,batch,seed",
        lines.get(1));
    assertEquals(7, lines.size());
    assertEquals("60,410,0.5,1,1.01,0.2,0.4,false,0.001,2.5998731769181993,1105,157.7,1.0E-4,100,4,1000,1000,64,0",
        lines.get(3));
    LlcDrop d = LlcDrop.of(tmp, OptionalInt.of(76)).orElseThrow();
    assertEquals(new LlcDrop(90, 420, 1500, 35), d, "76 is nearer 90 than 60");
    assertEquals(12, d.ratio(), 1e-12);
    assertEquals(Optional.empty(), LlcDrop.of(tmp, OptionalInt.empty()));
    assertEquals(Optional.empty(), LlcDrop.of(tmp.resolve("absent"), OptionalInt.of(76)));
  }

  @Test
  void divergedEndGivesNoRatio(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(LlcDrop.RUN_SUBFOLDER));
    LlcCurveReport.write(List.of(row(76, 400), row(1500, Double.NaN)), List.of(), OptionalInt.of(76),
        OptionalInt.empty(), dir, "occam llc y");
    assertTrue(Double.isNaN(LlcDrop.of(tmp, OptionalInt.of(76)).orElseThrow().ratio()));
    Files.writeString(dir.resolve(LlcCurveReport.CSV), "a,b\n1,2\n");
    assertThrows(IllegalArgumentException.class, () -> LlcDrop.of(tmp, OptionalInt.of(76)));
  }
}
