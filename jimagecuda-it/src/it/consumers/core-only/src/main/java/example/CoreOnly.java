package example;

import io.jimagecuda.Blend;
import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import java.io.File;
import java.nio.file.Path;

/** Renders an image with jimagecuda-core alone, on the CPU backend, saves it, loads it back and checks it. */
public class CoreOnly {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0], "core-only.png");
    try (Image base = new Image(320, 200); Image dots = new Image(320, 200)) {
      Fill.gradient(base, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.HORIZONTAL);
      Fill.color(dots, new Rgba(0, 1, 0, 0.5f));
      Blend.normal(base, dots);
      Images.save(base, out);
      check(base.backend().toString().equals("CPU"), "backend " + base.backend());
    }
    try (Image back = Images.load(out)) {
      float[] px = Images.download(back);
      check(back.width() == 320 && back.height() == 200, "size " + back.width() + "x" + back.height());
      // left edge: red under half-transparent green
      check(Math.abs(px[0] - 0.5f) < 0.01f && Math.abs(px[1] - 0.5f) < 0.01f && px[3] == 1f, "pixel 0,0");
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      check(!entry.contains("natives-"), "no LWJGL natives are forced on a consumer: " + entry);
    }
    System.out.println("core-only consumer OK: " + out);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("core-only consumer: " + what);
    }
  }
}
