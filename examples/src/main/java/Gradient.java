import io.jimagecuda.*;
import java.nio.file.Path;

public class Gradient {
  public static void main(String[] args) throws Exception {
    try (Image img = new Image(800, 600)) {             // float RGBA, on CUDA when available, else the CPU
      Fill.gradient(img, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.RADIAL);
      Images.save(img, Path.of("gradient.png"));         // 8-bit RGBA PNG

      try (ImageU8 u8 = new ImageU8(800, 600)) {         // or 8-bit pixels in memory
        Images.convertFloatToU8(u8, img);
        byte[] rgba = Images.download(u8);
        System.out.println(rgba.length + " bytes of RGBA on " + img.backend());
      }

      // Optional parameters: an options record with the reference's defaults, changed by withX(...)
      Fill.perlin(img, Fill.Perlin.DEFAULTS.withScale(80).withOctaves(6));
      Images.save(img, Path.of("clouds.jpg"), 90);      // JPEG quality 90
    }
  }
}
