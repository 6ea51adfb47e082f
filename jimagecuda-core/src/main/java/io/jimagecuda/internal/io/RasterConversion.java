package io.jimagecuda.internal.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

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
    int bands = raster.getNumBands();
    boolean grey = cm.getNumColorComponents() == 1;
    boolean alpha = cm.hasAlpha();
    int type = raster.getTransferType();
    boolean floating = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    long[] max = new long[bands];
    for (int b = 0; b < bands; b++) {
      max[b] = (1L << cm.getComponentSize(b)) - 1;
    }
    byte[] out = new byte[w * h * 4];
    if (!floating && Arrays.stream(max).allMatch(m -> m == 255) && isByteInterleaved(raster)) {
      copyBytes(raster, grey, alpha, out);
    } else if (!floating && Arrays.stream(max).allMatch(m -> m == 255) && isIntPacked(raster)) {
      copyPackedInts(raster, grey, alpha, out);
    } else {
      copySamples(raster, floating, max, grey, alpha, out);
    }
    if (alpha && cm.isAlphaPremultiplied()) {
      unpremultiply(out);
    }
    return new Rgba8(w, h, out);
  }

  /** One byte per sample, all bands interleaved in one array: the layout of JPEG and 8-bit PNG images. */
  private static boolean isByteInterleaved(Raster raster) {
    return raster.getSampleModel() instanceof ComponentSampleModel sm
        && raster.getDataBuffer() instanceof DataBufferByte
        && Arrays.stream(sm.getBankIndices()).allMatch(bank -> bank == 0);
  }

  /** The fast path: reads 8-bit samples straight from the raster's array. */
  private static void copyBytes(Raster raster, boolean grey, boolean alpha, byte[] out) {
    ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
    DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
    byte[] data = buffer.getData();
    int[] offset = sm.getBandOffsets();
    int pixelStride = sm.getPixelStride();
    int lineStride = sm.getScanlineStride();
    int r = offset[0];
    int g = offset[grey ? 0 : 1];
    int b = offset[grey ? 0 : 2];
    int a = offset[offset.length - 1];
    // Raster (x, y) is (x - translateX, y - translateY) in the sample model (non-zero for sub-images).
    int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * lineStride
        - raster.getSampleModelTranslateX() * pixelStride;
    int w = raster.getWidth();
    for (int y = 0, o = 0; y < raster.getHeight(); y++) {
      for (int x = 0, i = origin + y * lineStride; x < w; x++, i += pixelStride, o += 4) {
        out[o] = data[i + r];
        out[o + 1] = data[i + g];
        out[o + 2] = data[i + b];
        out[o + 3] = alpha ? data[i + a] : (byte) 255;
      }
    }
  }

  /** One int per pixel, 8-bit samples packed by masks: the layout of 32-bit BMPs and INT_ARGB images. */
  private static boolean isIntPacked(Raster raster) {
    return raster.getSampleModel() instanceof SinglePixelPackedSampleModel
        && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getNumBanks() == 1;
  }

  /** Reads 8-bit samples packed in ints straight from the raster's array. */
  private static void copyPackedInts(Raster raster, boolean grey, boolean alpha, byte[] out) {
    SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
    DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
    int[] data = buffer.getData();
    int[] shift = sm.getBitOffsets();
    int r = shift[0];
    int g = shift[grey ? 0 : 1];
    int b = shift[grey ? 0 : 2];
    int a = shift[shift.length - 1];
    int lineStride = sm.getScanlineStride();
    int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * lineStride
        - raster.getSampleModelTranslateX();
    int w = raster.getWidth();
    for (int y = 0, o = 0; y < raster.getHeight(); y++) {
      for (int x = 0, i = origin + y * lineStride; x < w; x++, i++, o += 4) {
        int p = data[i];
        out[o] = (byte) (p >>> r);
        out[o + 1] = (byte) (p >>> g);
        out[o + 2] = (byte) (p >>> b);
        out[o + 3] = alpha ? (byte) (p >>> a) : (byte) 255;
      }
    }
  }

  /** The general path: any unsigned integer or float samples, scaled to 8 bits. */
  private static void copySamples(Raster raster, boolean floating, long[] max, boolean grey, boolean alpha,
      byte[] out) {
    int w = raster.getWidth();
    int bands = raster.getNumBands();
    int[] ints = floating ? null : new int[w * bands];
    double[] doubles = floating ? new double[w * bands] : null;
    int[] v = new int[bands];
    for (int y = 0; y < raster.getHeight(); y++) {
      if (floating) {
        raster.getPixels(0, y, w, 1, doubles);
      } else {
        raster.getPixels(0, y, w, 1, ints);
      }
      for (int x = 0, i = 0, o = y * w * 4; x < w; x++, o += 4) {
        for (int b = 0; b < bands; b++, i++) {
          v[b] = floating ? unitTo8(doubles[i]) : max[b] == 255 ? ints[i] : scaleTo8(ints[i] & 0xFFFF_FFFFL, max[b]);
        }
        // Grey fills R, G and B; the band after the colours, if any, is alpha.
        out[o] = (byte) v[0];
        out[o + 1] = (byte) v[grey ? 0 : 1];
        out[o + 2] = (byte) v[grey ? 0 : 2];
        out[o + 3] = (byte) (alpha ? v[bands - 1] : 255);
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
