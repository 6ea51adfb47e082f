package io.jimagecuda.gl.studio;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Rgba;
import java.awt.Component;
import java.awt.Point;
import java.awt.Robot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;

/**
 * Run by {@link StudioWindowTest} in a JVM of its own under Xvfb: opens the studio on a two-step recipe,
 * changes parameters programmatically, reads the panel's pixels (readout and screen), provokes a value the
 * library rejects, saves. Writes {@code results.txt} into the directory given as the first argument; an
 * optional second argument is the backend (cpu, the default, or cuda).
 */
public final class StudioProbe {
  static final String RECIPE = """
      {"name": "studio-probe",
       "images": {"canvas": {"width": 64, "height": 48}},
       "steps": [
        {"op": "fill.color", "image": "canvas", "rgba": [1, 0, 0, 1]},
        {"op": "filter.gaussianBlur", "src": "canvas", "radius": 2, "sigma": null, "out": "blurred"}
       ],
       "output": "blurred"}
      """;

  private StudioProbe() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path recipe = dir.resolve("probe.json");
    Files.writeString(recipe, RECIPE);
    List<String> results = new ArrayList<>();
    BackendKind backend = args.length > 1 ? BackendKind.parse(args[1]) : BackendKind.CPU;
    Studio studio = Studio.open(recipe, backend);
    try {
      studio.awaitIdle();
      results.add("first " + pixel(studio) + " screen " + screen(studio));
      studio.setValue(1, "rgba", new Rgba(0, 0, 1, 1));
      studio.awaitIdle();
      results.add("changed " + pixel(studio) + " screen " + screen(studio));
      studio.setValue(2, "radius", -3);
      studio.awaitIdle();
      results.add("error " + studio.errorText(2, "radius"));
      results.add("still " + pixel(studio));
      studio.setValue(2, "radius", 1);
      studio.awaitIdle();
      results.add("cleared [" + studio.errorText(2, "radius") + "]");
      studio.save(dir.resolve("saved.json"), dir.resolve("saved.png"));
      results.add("frames " + studio.frames() + " last " + studio.lastFrameMillis());
      results.add("panel " + studio.panel().renderer() + " " + studio.panel().presentPath().map(Enum::name)
          .orElse("none") + " | " + studio.panel().presentPathReason());
    } finally {
      studio.close();
      studio.awaitClosed();
    }
    Files.write(dir.resolve("results.txt"), results);
    System.out.println("probe done");
  }

  /** The panel's readout of image pixel (32, 24). */
  private static String pixel(Studio studio) throws Exception {
    String[] out = new String[1];
    SwingUtilities.invokeAndWait(() -> {
      int[] p = studio.panel().pixelValue(32, 24).orElse(new int[] {-1, -1, -1, -1});
      out[0] = p[0] + " " + p[1] + " " + p[2] + " " + p[3];
    });
    return out[0];
  }

  /** The screen's colour at the centre of the panel's drawing surface, 0xRRGGBB. */
  private static String screen(Studio studio) throws Exception {
    for (int i = 0; i < 3; i++) {
      SwingUtilities.invokeAndWait(() -> studio.panel().surface().repaint());
      SwingUtilities.invokeAndWait(() -> { });
      Thread.sleep(150);
    }
    Point[] p = new Point[1];
    SwingUtilities.invokeAndWait(() -> {
      Component s = studio.panel().surface();
      Point o = s.getLocationOnScreen();
      p[0] = new Point(o.x + s.getWidth() / 2, o.y + s.getHeight() / 2);
    });
    return String.format("%06X", new Robot().getPixelColor(p[0].x, p[0].y).getRGB() & 0xFFFFFF);
  }
}
