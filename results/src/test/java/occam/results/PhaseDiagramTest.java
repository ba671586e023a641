package occam.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import occam.modular.Phase;
import occam.sfm.Gate;
import occam.sfm.scan.ScanCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The filled phase map: each (β, frac) cell filled with its phase colour, t_gen as text, legend outside. */
class PhaseDiagramTest {
  private static final double[] BETAS = {1e-4, 1e-3, 1e-2, 1e-1};
  private static final double[] FRACS = {0.2, 0.5, 0.8};
  private static final Phase[] ORDER = {Phase.MEMORIZATION, Phase.GROKKING, Phase.COMPREHENSION, Phase.CONFUSION};

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** Phase by β column: memorization, grokking (t_gen 4321), comprehension (t_gen 17), confusion. */
  private static List<ScanCell> cells() {
    List<ScanCell> cells = new ArrayList<>();
    for (int i = 0; i < BETAS.length; i++) {
      for (double f : FRACS) {
        int t = ORDER[i] == Phase.GROKKING ? 4321 : 17;
        cells.add(Cells.cell(Gate.SOFT, BETAS[i], f, t, ORDER[i]));
      }
    }
    return cells;
  }

  private static int rgb(Color c) {
    return c.getRGB() & 0xFFFFFF;
  }

  @Test
  void cellsAreFilledWithTheirPhaseColour() throws IOException {
    PhaseDiagram d = PhaseDiagram.of(cells(), "test", "occam scan (test)");
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(d.png()));
    assertEquals(PhaseDiagram.WIDTH, png.getWidth());
    assertEquals(PhaseDiagram.HEIGHT, png.getHeight());
    for (int i = 0; i < BETAS.length; i++) {
      for (double f : FRACS) {
        Rectangle r = d.cell(BETAS[i], f);
        // Near the corner (the text sits in the middle, the white border on the edge).
        assertEquals(rgb(PhaseDiagram.color(ORDER[i])), png.getRGB(r.x + 4, r.y + 4) & 0xFFFFFF,
            ORDER[i] + " at beta " + BETAS[i] + ", frac " + f);
      }
    }
  }

  @Test
  void gridRunsLogBetaAcrossAndFracUpWithTheLegendOutside() {
    PhaseDiagram d = PhaseDiagram.of(cells(), "test", "occam scan (test)");
    Rectangle a = d.cell(1e-4, 0.2);
    Rectangle b = d.cell(1e-3, 0.2);
    Rectangle up = d.cell(1e-4, 0.5);
    assertEquals(a.y, b.y);
    assertEquals(a.x + a.width, b.x, 1);
    assertTrue(up.y + up.height <= a.y + 1, "a larger frac sits higher");
    assertEquals(a.width, b.width, 1);
    Rectangle last = d.cell(1e-1, 0.8);
    BufferedImage img = d.image();
    // Legend swatches sit right of the plot: find the memorization colour beyond the last column.
    boolean found = false;
    for (int x = last.x + last.width + 1; x < PhaseDiagram.WIDTH && !found; x++) {
      for (int y = 0; y < PhaseDiagram.HEIGHT && !found; y++) {
        found = (img.getRGB(x, y) & 0xFFFFFF) == rgb(PhaseDiagram.color(Phase.DIVERGED));
      }
    }
    assertTrue(found, "the legend shows every phase, diverged included, outside the plot");
    assertThrows(IllegalArgumentException.class, () -> d.cell(0.5, 0.2));
  }

  /** The SVG is well-formed XML and carries the t_gen labels, the legend counts and the command as text. */
  @Test
  void svgIsXmlWithTheLabels() throws Exception {
    byte[] svg = PhaseDiagram.of(cells(), "test", "occam scan (test)").svg();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline: no DTD fetch
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertEquals("svg", doc.getDocumentElement().getNodeName());
    String text = doc.getDocumentElement().getTextContent();
    assertTrue(text.contains("4321"), "grokking t_gen label");
    assertTrue(text.contains("grokking (3)"), "legend count");
    assertTrue(text.contains("occam scan (test)"), "command");
  }

  @Test
  void oneGateOnly() {
    List<ScanCell> mixed = List.of(Cells.cell(Gate.SOFT, 1e-3, 0.5, 1, Phase.GROKKING),
        Cells.cell(Gate.HARD, 1e-3, 0.5, 1, Phase.GROKKING));
    assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.of(mixed, "t", "c"));
    assertThrows(IllegalArgumentException.class, () -> PhaseDiagram.of(List.of(), "t", "c"));
  }

  @Test
  void textStaysReadableOnEveryFill() {
    for (Phase ph : Phase.values()) {
      Color fill = PhaseDiagram.color(ph);
      Color text = PhaseDiagram.textColor(fill);
      double luma = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
      assertTrue(Math.abs(luma - (text.equals(Color.BLACK) ? 0 : 255)) > 100, ph + " luma " + luma);
    }
  }
}
