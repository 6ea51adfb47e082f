package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BarChartTest {
  @TempDir
  Path dir;

  /** Two ops, two series; 1, 10 and 100 ms span the decades 0..2; one value is missing. */
  private static BarChart chart() {
    return new BarChart("t <&> \"q\"", List.of("copy", "blur <r20>"), List.of(
        new BarChart.Series("CUDA", BarChart.CUDA, new double[] {1, 10}),
        new BarChart.Series("CPU", BarChart.CPU, new double[] {100, Double.NaN})));
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void barsAreLogScaledOverWholeDecades() throws Exception {
    BarChart c = chart();
    assertEquals(0, c.decades()[0]);
    assertEquals(2, c.decades()[1]);
    double plot = BarChart.PLOT_RIGHT - BarChart.PLOT_LEFT;
    Document svg = parse(c.svg());     // well-formed, with the text escaped
    NodeList rects = svg.getElementsByTagName("rect");
    List<Double> bars = new java.util.ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      if (r.getAttribute("class").equals("bar")) {
        bars.add(Double.parseDouble(r.getAttribute("width")));
      }
    }
    // In drawing order (copy: CUDA, CPU; blur: CUDA): 1 ms sits on the axis (drawn 1 px wide), 100 ms at the
    // end, 10 ms halfway; the missing value has no bar.
    assertEquals(List.of(1.0, plot, plot / 2), bars);
    String text = svg.getDocumentElement().getTextContent();
    assertTrue(text.contains("t <&> \"q\""), text);
    assertTrue(text.contains("blur <r20>"), text);
    assertTrue(text.contains("1 ms") && text.contains("10 ms") && text.contains("100 ms"), text);
  }

  @Test
  void subMillisecondDecadesAreLabelledInMs() throws Exception {
    BarChart c = new BarChart("t", List.of("a"), List.of(new BarChart.Series("CUDA", BarChart.CUDA,
        new double[] {0.0042})));
    assertEquals(-3, c.decades()[0]);
    assertEquals(-2, c.decades()[1]);
    String text = parse(c.svg()).getDocumentElement().getTextContent();
    assertTrue(text.contains("0.001 ms") && text.contains("0.01 ms") && text.contains("0.004"), text);
  }

  @Test
  void writesSvgOrPngByTheExtension() throws Exception {
    BarChart c = chart();
    Path svg = dir.resolve("chart.svg");
    c.write(svg);
    assertEquals(c.svg(), java.nio.file.Files.readString(svg));

    Path png = dir.resolve("chart.PNG");
    c.write(png);
    BufferedImage img = Png.read(png);
    assertEquals(BarChart.WIDTH, img.getWidth());
    assertEquals(c.height(), img.getHeight());
    // Inside the CPU bar of copy (100 ms) and the CUDA bar of blur (10 ms, half the plot), beside the 1 ms bar.
    int barY = BarChart.TOP + BarChart.BAR / 2;
    int quarter = (BarChart.PLOT_RIGHT - BarChart.PLOT_LEFT) / 4;
    assertEquals(BarChart.CPU.getRGB(), img.getRGB(BarChart.PLOT_LEFT + quarter, barY + BarChart.BAR));
    int blurY = barY + 2 * BarChart.BAR + BarChart.GAP;
    assertEquals(BarChart.CUDA.getRGB(), img.getRGB(BarChart.PLOT_LEFT + quarter, blurY));
    assertEquals(0xFFFFFFFF, img.getRGB(BarChart.PLOT_LEFT + 3 * quarter, blurY), "the 10 ms bar ends halfway");
    assertEquals(0xFFFFFFFF, img.getRGB(BarChart.PLOT_LEFT + quarter, barY), "the 1 ms bar ends at the axis");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.write(dir.resolve("c.jpg")));
    assertEquals("a plot must be a .svg or .png file, got '" + dir.resolve("c.jpg") + "'", e.getMessage());
  }

  @Test
  void badDataIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BarChart("t", List.of("a", "b"),
        List.of(new BarChart.Series("x", BarChart.CPU, new double[] {1}))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BarChart("t", List.of("a"),
        List.of(new BarChart.Series("x", BarChart.CPU, new double[] {Double.NaN}))));
    assertEquals("nothing to plot: no time was measured", e.getMessage());
  }
}
