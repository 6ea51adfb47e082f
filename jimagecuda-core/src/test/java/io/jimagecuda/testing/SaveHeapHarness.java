package io.jimagecuda.testing;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.internal.io.Rgba8;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Measures the Java heap a save allocates, for issue 11's "save encodes in bounded extra memory": run it
 * under the Epsilon collector, which never frees, so the growth of the used heap across the call is every
 * byte it allocated (an upper bound of its peak):
 *
 * <pre>
 * java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx8g \
 *   -cp jimagecuda-core/target/test-classes:jimagecuda-cli/target/lib/* \
 *   io.jimagecuda.testing.SaveHeapHarness 8192 now png
 * </pre>
 *
 * Arguments: the side of the square 8-bit image, {@code now} ({@code Images.saveU8}) or {@code before}
 * (the code path before the change: download, copy into a {@code BufferedImage}, ImageIO's writer), and
 * the extension (png, jpg, tif, bmp, webp).
 */
public final class SaveHeapHarness {
  private SaveHeapHarness() {
  }

  /**
   * Prints the megabytes allocated by one save.
   *
   * @param args side, {@code now} or {@code before}, extension
   * @throws Exception if the save fails
   */
  public static void main(String[] args) throws Exception {
    int side = Integer.parseInt(args[0]);
    boolean before = args[1].equals("before");
    String ext = args[2];
    Path file = Files.createTempFile("heap", "." + ext);
    try (ImageU8 u8 = new ImageU8(side, side, BackendKind.CPU)) {
      byte[] rgba = new byte[side * side * 4];
      for (int i = 0; i < rgba.length; i++) {
        rgba[i] = (byte) ((i & 3) == 3 ? 255 : (i / 4 % side + i / 4 / side + (i * 7919 >> 5 & 7)));
      }
      Images.upload(u8, rgba);
      rgba = null;
      Runtime heap = Runtime.getRuntime();
      long used = heap.totalMemory() - heap.freeMemory();
      long start = System.nanoTime();
      if (before) {
        Rgba8 pixels = new Rgba8(side, side, Images.download(u8));
        BufferedImage image = ext.equals("jpg") ? pixels.flattenOnBlack() : pixels.toBufferedImage();
        ImageIO.write(image, ext.equals("jpg") ? "jpeg" : ext.equals("tif") ? "tiff" : ext, file.toFile());
      } else {
        Images.saveU8(u8, file);
      }
      long allocated = heap.totalMemory() - heap.freeMemory() - used;
      System.out.printf("%s %dx%d %s: %d MB allocated on the heap (the image is %d MB), %d ms, file %d KB%n",
          before ? "before" : "now", side, side, ext, allocated >> 20, ((long) side * side * 4) >> 20,
          (System.nanoTime() - start) / 1_000_000, Files.size(file) >> 10);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
