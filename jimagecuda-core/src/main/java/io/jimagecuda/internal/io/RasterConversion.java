package io.jimagecuda.internal.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns any {@link BufferedImage} into {@link Rgba8} without colour management, the way the reference
 * (libvips) reads files: the stored samples are taken as they are.
 *
 * <ul>
 *   <li>Grey and RGB images, with or without alpha, are read sample by sample from the raster, whatever
 *       ICC profile or linear grey space the colour model names ({@code getRGB} would convert grey
 *       through a gamma curve and change the values).
 *   <li>Integer samples of {@code n} bits are scaled to 8 bits as {@code round(v·255 / (2ⁿ − 1))}: 8-bit
 *       samples are unchanged, 16-bit 65535 becomes 255 and 32768 becomes 128. Float samples are taken as
 *       0..1, clamped and rounded ({@code round(clamp(v)·255)}, NaN → 0).
 *   <li>Missing channels: grey is copied to R, G and B; alpha is 255 when absent. Premultiplied images
 *       are converted to straight alpha.
 *   <li>Palette images look each index up in the palette, including its alpha.
 *   <li>Anything else (CMYK, Lab, signed samples, …) is converted to sRGB by Java2D's colour management.
 * </ul>
 */
public final class RasterConversion {
  private RasterConversion() {
  }

  /** Reads {@code img} as straight 8-bit RGBA; {@code img} is not modified. */
  public static Rgba8 toRgba8(BufferedImage img) {
    ColorModel cm = img.getColorModel();
    if (cm instanceof IndexColorModel icm) {
      return fromPalette(icm, img.getRaster());
    }
    if (readsDirectly(cm, img.getRaster())) {
      return fromSamples(cm, img.getRaster());
    }
    BufferedImage srgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
    new ColorConvertOp(null).filter(img, srgb);
    return fromSamples(srgb.getColorModel(), srgb.getRaster());
  }

  /** Grey or RGB (plus optional alpha), one raster band per component, unsigned or float samples. */
  private static boolean readsDirectly(ColorModel cm, Raster raster) {
    if (!(cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
        || raster.getNumBands() != cm.getNumComponents()) {
      return false;
    }
    int space = cm.getColorSpace().getType();
    int colours = cm.getNumColorComponents();
    boolean greyOrRgb = (space == ColorSpace.TYPE_GRAY && colours == 1) || (space == ColorSpace.TYPE_RGB && colours == 3);
    int type = raster.getTransferType();
    boolean supportedSamples = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT
        || type == DataBuffer.TYPE_INT || type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    return greyOrRgb && supportedSamples;
  }

  private static Rgba8 fromPalette(IndexColorModel icm, Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int n = icm.getMapSize();
    byte[][] palette = new byte[4][n];
    icm.getReds(palette[0]);
    icm.getGreens(palette[1]);
    icm.getBlues(palette[2]);
    icm.getAlphas(palette[3]);
    byte[] out = new byte[w * h * 4];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0, o = y * w * 4; x < w; x++, o += 4) {
        int index = Math.min(row[x], n - 1);
        out[o] = palette[0][index];
        out[o + 1] = palette[1][index];
        out[o + 2] = palette[2][index];
        out[o + 3] = palette[3][index];
      }
    }
    return new Rgba8(w, h, out);
  }

  private static Rgba8 fromSamples(ColorModel cm, Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int colours = cm.getNumColorComponents();
    byte[] out = new byte[w * h * 4];
    for (int band = 0; band < raster.getNumBands(); band++) {
      // Grey band 0 fills R, G and B; otherwise band i is channel i and the last band (if any) alpha.
      int[] channels = band == colours ? new int[] {3} : colours == 1 ? new int[] {0, 1, 2} : new int[] {band};
      copyBand(raster, band, cm.getComponentSize(band), channels, out);
    }
    if (!cm.hasAlpha()) {
      for (int o = 3; o < out.length; o += 4) {
        out[o] = (byte) 255;
      }
    } else if (cm.isAlphaPremultiplied()) {
      unpremultiply(out);
    }
    return new Rgba8(w, h, out);
  }

  /** Scales one band to 8 bits and writes it into the given RGBA channels of {@code out}. */
  private static void copyBand(Raster raster, int band, int bits, int[] channels, byte[] out) {
    int w = raster.getWidth();
    int type = raster.getTransferType();
    boolean floating = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    int[] ints = floating ? null : new int[w];
    double[] doubles = floating ? new double[w] : null;
    long max = (1L << bits) - 1;
    for (int y = 0; y < raster.getHeight(); y++) {
      if (floating) {
        raster.getSamples(0, y, w, 1, band, doubles);
      } else {
        raster.getSamples(0, y, w, 1, band, ints);
      }
      for (int x = 0, o = y * w * 4; x < w; x++, o += 4) {
        int v = floating ? unitTo8(doubles[x]) : bits == 8 ? ints[x] : scaleTo8(ints[x] & 0xFFFF_FFFFL, max);
        for (int c : channels) {
          out[o + c] = (byte) v;
        }
      }
    }
  }

  /** {@code round(v·255 / max)}; never a tie, because {@code max = 2ⁿ − 1} is odd. */
  static int scaleTo8(long v, long max) {
    return (int) ((Math.min(v, max) * 255 + max / 2) / max);
  }

  /** {@code round(clamp(v, 0, 1)·255)}; NaN becomes 0. */
  static int unitTo8(double v) {
    return v >= 1 ? 255 : v > 0 ? (int) (v * 255 + 0.5) : 0;
  }

  /** Premultiplied to straight colour: {@code c' = min(255, round(c·255 / a))}; colour 0 where a = 0. */
  private static void unpremultiply(byte[] rgba) {
    for (int o = 0; o < rgba.length; o += 4) {
      int a = rgba[o + 3] & 0xFF;
      if (a == 255) {
        continue;
      }
      for (int c = o; c < o + 3; c++) {
        rgba[c] = (byte) (a == 0 ? 0 : Math.min(255, ((rgba[c] & 0xFF) * 255 + a / 2) / a));
      }
    }
  }
}
