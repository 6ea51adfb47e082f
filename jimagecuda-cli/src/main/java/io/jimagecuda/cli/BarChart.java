package io.jimagecuda.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A horizontal bar chart of times: one group of bars per category (an op), one bar per series (a backend or
 * a peer), lengths on a log scale with a grid line per decade, the value at the end of each bar. Written as
 * hand-made SVG or drawn with Java2D into a PNG; both draw the same shapes.
 *
 * <pre>{@code
 * new BarChart("Ops at 3840x2160 (ms, log scale)", List.of("copy", "fill.color"),
 *     List.of(new BarChart.Series("CUDA", BarChart.CUDA, new double[] {0.21, 0.11}))).write(Path.of("ops.svg"));
 * }</pre>
 */
final class BarChart {
  static final Color CUDA = new Color(0x76B900);
  static final Color CPU = new Color(0x1F77B4);
  static final Color OPENCV_U8 = new Color(0xD62728);
  static final Color OPENCV_F32 = new Color(0xFF9896);
  static final Color PILLOW = new Color(0x9467BD);

  static final int WIDTH = 900;
  static final int LABELS = 230;
  static final int PLOT_LEFT = LABELS + 10;
  static final int PLOT_RIGHT = WIDTH - 60;
  static final int TOP = 78;
  static final int BAR = 11;
  static final int GAP = 10;
  private static final Color TEXT = new Color(0x222222);
  private static final Color GRID = new Color(0xCCCCCC);

  /** One series: a name for the legend, a colour, and a time in ms per category (NaN: none). */
  record Series(String name, Color color, double[] ms) {
  }

  /** A shape of the chart. */
  sealed interface Shape permits Rect, Line, Text {
  }

  /** A filled rectangle; {@code bar} marks data bars. */
  record Rect(double x, double y, double w, double h, Color fill, boolean bar) implements Shape {
  }

  /** A one-pixel line. */
  record Line(double x1, double y1, double x2, double y2, Color stroke) implements Shape {
  }

  /** Text with its baseline at {@code y}, anchored at {@code x} by its start, middle or end. */
  record Text(double x, double y, String text, int size, String anchor, Color fill) implements Shape {
  }

  private final String title;
  private final List<String> categories;
  private final List<Series> series;

  /**
   * A chart of {@code series} over {@code categories}.
   *
   * @throws IllegalArgumentException if a series does not have one value per category or no value is
   *     positive
   */
  BarChart(String title, List<String> categories, List<Series> series) {
    for (Series s : series) {
      if (s.ms().length != categories.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.ms().length + " values for "
            + categories.size() + " categories");
      }
    }
    if (series.stream().flatMapToDouble(s -> Arrays.stream(s.ms())).noneMatch(BarChart::drawable)) {
      throw new IllegalArgumentException("nothing to plot: no time was measured");
    }
    this.title = title;
    this.categories = List.copyOf(categories);
    this.series = List.copyOf(series);
  }

  private static boolean drawable(double v) {
    return v > 0 && Double.isFinite(v);
  }

  /** The height of the picture. */
  int height() {
    return TOP + categories.size() * (series.size() * BAR + GAP) + 20;
  }

  /** The decades of the axis: {@code [floor(log10 min), ceil(log10 max)]}, at least one decade wide. */
  int[] decades() {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series s : series) {
      for (double v : s.ms()) {
        if (drawable(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    int lo = (int) Math.floor(Math.log10(min));
    int hi = Math.max(lo + 1, (int) Math.ceil(Math.log10(max)));
    return new int[] {lo, hi};
  }

  /** The x of {@code ms} on the axis. */
  double x(double ms) {
    int[] d = decades();
    return PLOT_LEFT + (Math.log10(ms) - d[0]) / (d[1] - d[0]) * (PLOT_RIGHT - PLOT_LEFT);
  }

  /** Every shape, in drawing order. */
  List<Shape> shapes() {
    List<Shape> out = new ArrayList<>();
    int h = height();
    out.add(new Rect(0, 0, WIDTH, h, Color.WHITE, false));
    out.add(new Text(WIDTH / 2.0, 24, title, 15, "middle", TEXT));
    double lx = PLOT_LEFT;
    for (Series s : series) {
      out.add(new Rect(lx, 36, 12, 12, s.color(), false));
      out.add(new Text(lx + 16, 46, s.name(), 12, "start", TEXT));
      lx += 30 + 7.5 * s.name().length();
    }
    int[] d = decades();
    double gridBottom = h - 20;
    for (int e = d[0]; e <= d[1]; e++) {
      double x = x(Math.pow(10, e));
      out.add(new Line(x, TOP - 8, x, gridBottom, GRID));
      out.add(new Text(x, TOP - 12, decadeLabel(e), 11, "middle", TEXT));
    }
    double y = TOP;
    for (int c = 0; c < categories.size(); c++) {
      double groupHeight = series.size() * BAR;
      out.add(new Text(LABELS, y + groupHeight / 2 + 4, categories.get(c), 12, "end", TEXT));
      for (int s = 0; s < series.size(); s++) {
        double v = series.get(s).ms()[c];
        double by = y + s * BAR;
        if (drawable(v)) {
          double w = Math.max(1, x(v) - PLOT_LEFT);
          out.add(new Rect(PLOT_LEFT, by, w, BAR - 1, series.get(s).color(), true));
          out.add(new Text(PLOT_LEFT + w + 3, by + BAR - 2, value(v), 9, "start", TEXT));
        }
      }
      y += groupHeight + GAP;
    }
    out.add(new Line(PLOT_LEFT, TOP - 8, PLOT_LEFT, gridBottom, TEXT));
    return out;
  }

  private static String decadeLabel(int e) {
    return (e >= 0 ? String.format(Locale.ROOT, "%.0f", Math.pow(10, e))
        : String.format(Locale.ROOT, "%." + -e + "f", Math.pow(10, e))) + " ms";
  }

  private static String value(double ms) {
    return String.format(Locale.ROOT, ms >= 100 ? "%.0f" : ms >= 10 ? "%.1f" : ms >= 1 ? "%.2f" : "%.3f", ms);
  }

  /**
   * Writes the chart as SVG ({@code .svg}) or PNG ({@code .png}), by the extension.
   *
   * @throws IllegalArgumentException for another extension
   */
  void write(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      Files.writeString(file, svg());
    } else if (name.endsWith(".png")) {
      if (!ImageIO.write(png(), "png", file.toFile())) {
        throw new IOException("no PNG writer");
      }
    } else {
      throw new IllegalArgumentException("a plot must be a .svg or .png file, got '" + file + "'");
    }
  }

  /** The chart as an SVG document. */
  String svg() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", WIDTH, height(), WIDTH, height()));
    for (Shape shape : shapes()) {
      if (shape instanceof Rect r) {
        s.append(String.format(Locale.ROOT, "<rect%s x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            + "fill=\"%s\"/>%n", r.bar() ? " class=\"bar\"" : "", r.x(), r.y(), r.w(), r.h(), hex(r.fill())));
      } else if (shape instanceof Line l) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            l.x1(), l.y1(), l.x2(), l.y2(), hex(l.stroke())));
      } else if (shape instanceof Text t) {
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" "
            + "fill=\"%s\">%s</text>%n", t.x(), t.y(), t.size(), t.anchor(), hex(t.fill()), escape(t.text())));
      }
    }
    return s.append("</svg>\n").toString();
  }

  /** The chart drawn with Java2D. */
  BufferedImage png() {
    BufferedImage img = new BufferedImage(WIDTH, height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setStroke(new BasicStroke(1));
      for (Shape shape : shapes()) {
        if (shape instanceof Rect r) {
          g.setColor(r.fill());
          g.fillRect((int) Math.round(r.x()), (int) Math.round(r.y()), (int) Math.round(r.w()),
              (int) Math.round(r.h()));
        } else if (shape instanceof Line l) {
          g.setColor(l.stroke());
          g.drawLine((int) Math.round(l.x1()), (int) Math.round(l.y1()), (int) Math.round(l.x2()),
              (int) Math.round(l.y2()));
        } else if (shape instanceof Text t) {
          g.setColor(t.fill());
          g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, t.size()));
          FontMetrics fm = g.getFontMetrics();
          int w = fm.stringWidth(t.text());
          double x = switch (t.anchor()) {
            case "middle" -> t.x() - w / 2.0;
            case "end" -> t.x() - w;
            default -> t.x();
          };
          g.drawString(t.text(), (float) x, (float) t.y());
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
