package io.jimagecuda.gl.swing;

import io.jimagecuda.gl.QuadRenderer;

/**
 * The Java2D fallback's drawing: the same pixels as {@link QuadRenderer#drawPlaced} (nearest image pixel at
 * each screen pixel's centre, straight alpha over a checkerboard anchored at the image's top-left corner,
 * background around the image), computed on the CPU into {@code 0xRRGGBB} ints.
 */
final class FrameRaster {
  private FrameRaster() {
  }

  /**
   * Fills {@code out} ({@code view.viewWidth() × view.viewHeight()}, row-major) with the view of an RGBA
   * image.
   *
   * @param out the screen pixels, {@code 0xRRGGBB}
   * @param rgba the image, 8-bit RGBA, top row first, {@code view.imageWidth() × view.imageHeight()}
   * @param view the placement
   * @param backgroundRgb the colour around the image
   */
  static void compose(int[] out, byte[] rgba, ViewTransform view, int backgroundRgb) {
    int vw = view.viewWidth();
    int vh = view.viewHeight();
    int iw = view.imageWidth();
    int[] columns = new int[vw];
    int[] checkerColumns = new int[vw];
    for (int x = 0; x < vw; x++) {
      columns[x] = view.imageColumn(x);
      checkerColumns[x] = (int) Math.floor((float) (x + 0.5 - view.originX()) / QuadRenderer.CELL);
    }
    for (int y = 0; y < vh; y++) {
      int row = view.imageRow(y);
      int base = y * vw;
      if (row < 0) {
        java.util.Arrays.fill(out, base, base + vw, backgroundRgb);
        continue;
      }
      int checkerRow = (int) Math.floor((float) (y + 0.5 - view.originY()) / QuadRenderer.CELL);
      int rowStart = row * iw;
      for (int x = 0; x < vw; x++) {
        int col = columns[x];
        if (col < 0) {
          out[base + x] = backgroundRgb;
          continue;
        }
        int i = (rowStart + col) * 4;
        int a = rgba[i + 3] & 0xFF;
        int r = rgba[i] & 0xFF;
        int g = rgba[i + 1] & 0xFF;
        int b = rgba[i + 2] & 0xFF;
        if (a != 255) {
          int k = ((checkerColumns[x] + checkerRow) & 1) == 0 ? QuadRenderer.LIGHT : QuadRenderer.DARK;
          int ka = k * (255 - a) + 127;
          r = (r * a + ka) / 255;
          g = (g * a + ka) / 255;
          b = (b * a + ka) / 255;
        }
        out[base + x] = (r << 16) | (g << 8) | b;
      }
    }
  }
}
