import io.jimagecuda.*;
import io.jimagecuda.gl.preview.Preview;
import java.nio.file.Path;

/**
 * Your own image in a window, in one line: java -cp 'lib/*' ShowImage.java photo.jpg
 * Drag to pan, wheel to zoom, F fits, 1 shows pixels 1:1; returns when the window is closed.
 */
public class ShowImage {
  public static void main(String[] args) throws Exception {
    try (Image photo = Images.load(Path.of(args[0]));
         Image sharp = Filter.sharpen(photo, 0.5f)) {     // any processing first
      Preview.show(sharp);                                 // a window with a PreviewPanel
    }
  }
}
