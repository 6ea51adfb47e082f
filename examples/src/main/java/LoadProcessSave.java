import io.jimagecuda.*;
import java.nio.file.Path;

/**
 * Load, process, save: java -cp 'lib/*' LoadProcessSave.java photo.jpg out.jpg
 * Scales the photo to 1280 pixels wide (Lanczos), warms it up a little and saves it as a JPEG.
 */
public class LoadProcessSave {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LoadProcessSave INPUT OUTPUT   (PNG, JPEG, BMP, TIFF; WebP input too)");
      System.exit(2);
    }
    try (Image photo = Images.load(Path.of(args[0]));              // EXIF orientation applied
         Image scaled = Resize.lanczosToWidth(photo, 1280)) {       // the height keeps the aspect ratio
      Adjust.contrast(scaled, 1.1f);
      Adjust.saturation(scaled, 1.15f);
      Filter.sepia(scaled, 0.15f);
      try (Image sharp = Filter.sharpen(scaled, 0.5f)) {
        Images.save(sharp, Path.of(args[1]), 92);                   // the format follows the extension
        System.out.println(args[1] + ": " + sharp.width() + "x" + sharp.height() + " on " + sharp.backend());
      }
    }
  }
}
