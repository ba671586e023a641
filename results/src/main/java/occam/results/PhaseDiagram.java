package occam.results;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import occam.io.AtomicFiles;
import occam.io.Numbers;
import occam.modular.Phase;
import occam.sfm.scan.ScanCell;

/**
 * The filled phase map of one gate of a scan: one cell per (β, frac) of the grid, β across (log-spaced,
 * so equal widths), frac up, filled with the colour of its majority phase and labelled with its median
 * t_gen; the legend (with cell counts per phase) sits outside the plot, the producing command under it.
 * The same map draws any grid of {@link Cell}s over (x, frac), such as the transformer runs' phase table
 * over (weight decay, frac).
 * Drawn with plain Java2D (the same painter for the PNG and, through VectorGraphics2D, the SVG): XChart's
 * heat map colours cells by one number on a continuous scale, whereas a phase is a category and t_gen
 * a label on it.
 */
public final class PhaseDiagram {
  /** Width of the figure in pixels. */
  public static final int WIDTH = 1000;

  /** Height of the figure in pixels. */
  public static final int HEIGHT = 640;

  private static final int LEFT = 90;
  private static final int TOP = 70;
  private static final int RIGHT = 200;
  private static final int BOTTOM = 95;
  private static final String FONT = Font.SANS_SERIF;

  private static final String SCAN_X_TITLE = "β (Occam prior, log scale)";
  private static final String SCAN_CAPTION =
      "Colour: majority phase over seeds. Number: median t_gen (iterations) of the seeds that generalized.";

  /**
   * One cell of a map.
   *
   * @param x its column value (β for a scan; columns are equally wide, in ascending x)
   * @param frac its row value, the training fraction
   * @param phase the majority phase (the fill)
   * @param label the number printed in it (NaN: none), bold in grokking cells
   */
  public record Cell(double x, double frac, Phase phase, double label) {}

  private final List<Cell> cells;
  private final String xTitle;
  private final String caption;
  private final String title;
  private final String command;
  private final double[] betas;
  private final double[] fracs;

  private PhaseDiagram(List<Cell> cells, String xTitle, String caption, String title, String command) {
    this.cells = List.copyOf(cells);
    this.xTitle = xTitle;
    this.caption = caption;
    this.title = title;
    this.command = command;
    this.betas = cells.stream().mapToDouble(Cell::x).distinct().sorted().toArray();
    this.fracs = cells.stream().mapToDouble(Cell::frac).distinct().sorted().toArray();
  }

  /**
   * The map of one gate's cells.
   *
   * @param cells the cells of one gate
   * @param title the title
   * @param command the producing command, printed under the plot
   * @return the diagram
   * @throws IllegalArgumentException if there are no cells or they span several gates
   */
  public static PhaseDiagram of(List<ScanCell> cells, String title, String command) {
    if (cells == null || cells.isEmpty()) {
      throw new IllegalArgumentException("a phase diagram needs at least one cell");
    }
    if (cells.stream().map(ScanCell::gate).distinct().count() > 1) {
      throw new IllegalArgumentException("a phase diagram shows one gate; split the cells by gate first");
    }
    return new PhaseDiagram(cells.stream().map(c -> new Cell(c.beta(), c.frac(), c.phase(), c.medianTGen())).toList(),
        SCAN_X_TITLE, SCAN_CAPTION, title, command);
  }

  /**
   * The map of any grid of cells.
   *
   * @param cells the cells, one per (x, frac)
   * @param xTitle the title of the x axis
   * @param caption the line under the title saying what colour and number mean
   * @param title the title
   * @param command the producing command, printed under the plot
   * @return the diagram
   * @throws IllegalArgumentException if there are no cells
   */
  public static PhaseDiagram of(List<Cell> cells, String xTitle, String caption, String title, String command) {
    if (cells == null || cells.isEmpty()) {
      throw new IllegalArgumentException("a phase diagram needs at least one cell");
    }
    return new PhaseDiagram(cells, xTitle, caption, title, command);
  }

  /**
   * The pixel rectangle of a grid cell.
   *
   * @param beta a β of the grid
   * @param frac a frac of the grid
   * @return its rectangle in figure pixels
   * @throws IllegalArgumentException if (β, frac) is not on the grid
   */
  public Rectangle cell(double beta, double frac) {
    int i = Arrays.binarySearch(betas, beta);
    int j = Arrays.binarySearch(fracs, frac);
    if (i < 0 || j < 0) {
      throw new IllegalArgumentException("(beta, frac) = (" + beta + ", " + frac + ") is not on the grid");
    }
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    int x0 = LEFT + i * plotW / betas.length;
    int x1 = LEFT + (i + 1) * plotW / betas.length;
    int y1 = HEIGHT - BOTTOM - j * plotH / fracs.length;
    int y0 = HEIGHT - BOTTOM - (j + 1) * plotH / fracs.length;
    return new Rectangle(x0, y0, x1 - x0, y1 - y0);
  }

  /**
   * Paints the diagram on a WIDTH × HEIGHT canvas.
   *
   * @param g the target
   */
  public void paint(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(FONT, Font.BOLD, 18));
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(FONT, Font.PLAIN, 12));
    g.setColor(Color.DARK_GRAY);
    g.drawString(caption, LEFT, 52);
    Rectangle first = cell(betas[0], fracs[0]);
    int fontSize = labelFont(g, first.width);
    for (Cell c : cells) {
      paintCell(g, c, cell(c.x(), c.frac()), fontSize);
    }
    Rectangle plot = cell(betas[0], fracs[fracs.length - 1]).union(cell(betas[betas.length - 1], fracs[0]));
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(plot);
    axes(g, plot);
    legend(g, plot);
    g.setFont(new Font(FONT, Font.PLAIN, 10));
    g.setColor(Color.DARK_GRAY);
    g.drawString(command, 10, HEIGHT - 10);
  }

  private void paintCell(Graphics2D g, Cell c, Rectangle r, int fontSize) {
    Color fill = color(c.phase());
    g.setColor(fill);
    g.fill(r);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(1f));
    g.draw(r);
    if (!Double.isNaN(c.label())) {
      String text = Numbers.table(c.label());
      g.setFont(new Font(FONT, c.phase() == Phase.GROKKING ? Font.BOLD : Font.PLAIN, fontSize));
      FontMetrics fm = g.getFontMetrics();
      g.setColor(textColor(fill));
      g.drawString(text, r.x + (r.width - fm.stringWidth(text)) / 2, r.y + (r.height + fm.getAscent() - fm.getDescent()) / 2);
    }
  }

  /** The largest font (8–13 pt) whose widest t_gen label fits a cell with some margin. */
  private int labelFont(Graphics2D g, int cellWidth) {
    String widest = cells.stream().filter(c -> !Double.isNaN(c.label())).map(c -> Numbers.table(c.label()))
        .reduce("", (a, b) -> b.length() > a.length() ? b : a);
    for (int size = 13; size > 8; size--) {
      if (g.getFontMetrics(new Font(FONT, Font.BOLD, size)).stringWidth(widest) <= cellWidth - 6) {
        return size;
      }
    }
    return 8;
  }

  private void axes(Graphics2D g, Rectangle plot) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(FONT, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    boolean decadesOnly = Arrays.stream(betas).filter(PhaseDiagram::isDecade).count() >= 2;
    for (double b : betas) {
      Rectangle r = cell(b, fracs[0]);
      int x = r.x + r.width / 2;
      g.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 5);
      if (!decadesOnly || isDecade(b)) {
        String text = betaLabel(b);
        g.drawString(text, x - fm.stringWidth(text) / 2, plot.y + plot.height + 20);
      }
    }
    for (double f : fracs) {
      Rectangle r = cell(betas[0], f);
      int y = r.y + r.height / 2;
      g.drawLine(plot.x - 5, y, plot.x, y);
      String text = Numbers.table(f);
      g.drawString(text, plot.x - 8 - fm.stringWidth(text), y + fm.getAscent() / 2 - 1);
    }
    g.setFont(new Font(FONT, Font.PLAIN, 14));
    fm = g.getFontMetrics();
    g.drawString(xTitle, plot.x + (plot.width - fm.stringWidth(xTitle)) / 2, plot.y + plot.height + 45);
    String yTitle = "frac (training fraction α)";
    AffineTransform saved = g.getTransform();
    g.translate(LEFT - 55, plot.y + (plot.height + fm.stringWidth(yTitle)) / 2);
    g.rotate(-Math.PI / 2);
    g.drawString(yTitle, 0, 0);
    g.setTransform(saved);
  }

  private void legend(Graphics2D g, Rectangle plot) {
    int x = plot.x + plot.width + 25;
    int y = plot.y;
    g.setColor(Color.BLACK);
    g.setFont(new Font(FONT, Font.BOLD, 13));
    g.drawString("Phase (cells)", x, y + 12);
    g.setFont(new Font(FONT, Font.PLAIN, 13));
    int row = 0;
    for (Phase ph : Phase.values()) {
      int top = y + 26 + row++ * 26;
      g.setColor(color(ph));
      g.fillRect(x, top, 20, 18);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(0.8f));
      g.drawRect(x, top, 20, 18);
      long k = cells.stream().filter(c -> c.phase() == ph).count();
      g.drawString(ph.label() + " (" + k + ")", x + 28, top + 14);
    }
  }

  private static boolean isDecade(double b) {
    double e = Math.log10(b);
    return Math.abs(e - Math.rint(e)) < 1e-9;
  }

  private static String betaLabel(double b) {
    if (!isDecade(b)) {
      return Numbers.table(b);
    }
    long e = Math.round(Math.log10(b));
    return e == 0 ? "1" : e == 1 ? "10" : "1e" + e;
  }

  /** @return the diagram as an image */
  public BufferedImage image() {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      paint(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** @return the PNG bytes */
  public byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image(), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** @return the SVG text (UTF-8 bytes) */
  public byte[] svg() {
    VectorGraphics2D g = new VectorGraphics2D();
    paint(g);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT)).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code base.png} and {@code base.svg} atomically.
   *
   * @param dir output folder
   * @param base file name without extension
   * @throws IOException if a file cannot be written
   */
  public void write(Path dir, String base) throws IOException {
    byte[] png = png();
    AtomicFiles.write(dir.resolve(base + ".png"), out -> out.write(png));
    byte[] svg = svg();
    AtomicFiles.write(dir.resolve(base + ".svg"), out -> out.write(svg));
  }

  /**
   * The fill of a phase, fixed so maps compare across scans; light and dark tones alternate so the
   * phases stay apart in grey print.
   *
   * @param ph phase
   * @return its colour
   */
  static Color color(Phase ph) {
    switch (ph) {
      case COMPREHENSION: return new Color(0xA6, 0xDB, 0xA0);
      case GROKKING: return new Color(0x76, 0x2A, 0x83);
      case MEMORIZATION: return new Color(0x43, 0x93, 0xC3);
      case CONFUSION: return new Color(0xFD, 0xDB, 0xC7);
      default: return new Color(0xB2, 0x18, 0x2B);
    }
  }

  /** Black on light fills, white on dark ones (luma after ITU-R BT.601). */
  static Color textColor(Color fill) {
    double luma = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
    return luma > 140 ? Color.BLACK : Color.WHITE;
  }
}
