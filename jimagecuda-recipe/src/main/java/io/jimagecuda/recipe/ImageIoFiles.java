package io.jimagecuda.recipe;

import io.jimagecuda.BackendKind;
import io.jimagecuda.IO;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * {@link ImageFiles} on {@code javax.imageio} (with the TwelveMonkeys plugins of the core module). It
 * stands in for the core's {@code IO.load}/{@code IO.save}, which are being written; once they exist,
 * {@link ImageFiles#standard()} should return an implementation on them and this class go. Pixels take
 * the reference's path: 8-bit RGBA bytes, then the backend's own u8 → float conversion (float → u8 for
 * saving).
 */
final class ImageIoFiles implements ImageFiles {
  static final ImageIoFiles INSTANCE = new ImageIoFiles();

  private ImageIoFiles() {
  }

  @Override
  public Image load(Path file, BackendKind backend) throws IOException {
    BufferedImage decoded;
    try (InputStream in = Files.newInputStream(file)) {
      decoded = ImageIO.read(in);
    }
    if (decoded == null) {
      throw new IOException(file + ": not an image format this build can read");
    }
    int w = decoded.getWidth();
    int h = decoded.getHeight();
    try (ImageU8 u8 = new ImageU8(w, h, backend)) {
      IO.upload(u8, rgba8(decoded));
      Image image = new Image(w, h, backend);
      IO.convertU8ToFloat(image, u8);
      return image;
    }
  }

  /**
   * Straight RGBA bytes of a decoded image. Byte samples of grey or RGB colour models are taken as
   * stored, with no colour management (like the reference's codec); anything else (palettes, packed or
   * 16-bit pixels, CMYK) goes through Java's sRGB conversion.
   */
  private static byte[] rgba8(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 4)];
    Raster raster = img.getRaster();
    ColorModel cm = img.getColorModel();
    int bands = raster.getNumBands();
    int space = cm.getColorSpace().getType();
    boolean rawGrey = space == ColorSpace.TYPE_GRAY && (bands == 1 || bands == 2 && cm.hasAlpha());
    boolean rawRgb = space == ColorSpace.TYPE_RGB && (bands == 3 || bands == 4 && cm.hasAlpha());
    if (cm instanceof ComponentColorModel && raster.getTransferType() == DataBuffer.TYPE_BYTE
        && !cm.isAlphaPremultiplied() && (rawGrey || rawRgb)) {
      int[] row = new int[w * bands];
      for (int y = 0, o = 0; y < h; y++) {
        raster.getPixels(0, y, w, 1, row);
        for (int x = 0, i = 0; x < w; x++, i += bands, o += 4) {
          int alpha = bands == 2 || bands == 4 ? row[i + bands - 1] : 255;
          out[o] = (byte) row[i];
          out[o + 1] = (byte) row[rawGrey ? i : i + 1];
          out[o + 2] = (byte) row[rawGrey ? i : i + 2];
          out[o + 3] = (byte) alpha;
        }
      }
    } else {
      int[] row = new int[w];
      for (int y = 0, o = 0; y < h; y++) {
        img.getRGB(0, y, w, 1, row, 0, w);
        for (int argb : row) {
          out[o++] = (byte) (argb >> 16);
          out[o++] = (byte) (argb >> 8);
          out[o++] = (byte) argb;
          out[o++] = (byte) (argb >>> 24);
        }
      }
    }
    return out;
  }

  @Override
  public void save(Image image, Path file) throws IOException {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException("only PNG output is supported: " + file + " does not end in .png");
    }
    int w = image.width();
    int h = image.height();
    ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
        Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(HostPixels.rgba8(image), w * h * 4), w, h,
        w * 4, 4, new int[] {0, 1, 2, 3}, null);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(new BufferedImage(cm, raster, false, null), "png", out)) {
        throw new IOException("no PNG writer is installed");
      }
    }
  }
}
