package io.jimagecuda.gl.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.QuadRenderer;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.internal.Framebuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java2D fallback draws exactly what {@link QuadRenderer#drawPlaced} draws headless (EGL; Mesa's
 * software renderer in CI): 1:1, zoomed in, zoomed out and panned, over transparent pixels.
 */
class FrameRasterTest {
  static final int W = 37;
  static final int H = 23;

  /** A frame with every alpha from 0 to 255 and random colours. */
  static byte[] frame(long seed) {
    Random r = new Random(seed);
    byte[] rgba = new byte[W * H * 4];
    r.nextBytes(rgba);
    for (int i = 0; i < W * H; i++) {
      rgba[i * 4 + 3] = (byte) (i % 5 == 0 ? 255 : i % 7 == 0 ? 0 : rgba[i * 4 + 3]);
    }
    return rgba;
  }

  /** The headless OpenGL render of {@code view} as 0xRRGGBB, top row first. */
  @SuppressWarnings("try") // the context is used through OpenGL's thread state
  static int[] headless(byte[] rgba, ViewTransform view) {
    int vw = view.viewWidth();
    int vh = view.viewHeight();
    try (EglContext gl = EglContext.open();
        ImageU8 img = new ImageU8(W, H, BackendKind.CPU);
        Presenter p = Presenter.create(W, H, PresentPath.CPU_UPLOAD);
        Framebuffer target = new Framebuffer(vw, vh);
        QuadRenderer quad = new QuadRenderer()) {
      Images.upload(img, rgba);
      p.present(img);
      target.bind();
      quad.drawPlaced(p.texture(), W, H, view.scale(), view.originX(), view.originY(), vw, vh,
          PreviewPanel.BACKGROUND);
      target.unbind();
      byte[] px = target.readTopDown();
      int[] out = new int[vw * vh];
      for (int i = 0; i < out.length; i++) {
        out[i] = (px[i * 4] & 0xFF) << 16 | (px[i * 4 + 1] & 0xFF) << 8 | (px[i * 4 + 2] & 0xFF);
      }
      return out;
    }
  }

  static void assertSame(int[] expected, int[] actual, ViewTransform view) {
    assertWithin(expected, actual, view, 0);
  }

  /**
   * Every channel of every screen pixel within {@code tolerance} levels: NVIDIA's OpenGL blends the
   * checkerboard under translucent pixels with its own rounding (one level off Java2D's in places), Mesa's
   * exactly like Java2D.
   */
  static void assertWithin(int[] expected, int[] actual, ViewTransform view, int tolerance) {
    for (int i = 0; i < expected.length; i++) {
      int worst = 0;
      for (int shift = 0; shift <= 16; shift += 8) {
        worst = Math.max(worst, Math.abs((expected[i] >> shift & 0xFF) - (actual[i] >> shift & 0xFF)));
      }
      if (worst > tolerance) {
        throw new AssertionError(String.format("%s: screen pixel (%d, %d): OpenGL %06X, Java2D %06X", view,
            i % view.viewWidth(), i / view.viewWidth(), expected[i], actual[i]));
      }
    }
  }

  @Test
  void java2dEqualsTheHeadlessOpenGlRenderAtSeveralViews() {
    byte[] rgba = frame(7);
    ViewTransform[] views = new ViewTransform[4];
    for (int i = 0; i < views.length; i++) {
      views[i] = new ViewTransform();
      views[i].setViewSize(90, 70);
      views[i].setImageSize(W, H);
    }
    views[1].zoomAt(3, 40, 30);
    views[2].zoomAt(0.5, 10, 10);
    views[3].pan(-20, 35);
    for (ViewTransform v : views) {
      int[] java2d = new int[v.viewWidth() * v.viewHeight()];
      FrameRaster.compose(java2d, rgba, v, PreviewPanel.BACKGROUND);
      assertSame(headless(rgba, v), java2d, v);
    }
  }

  @Test
  void opaquePixelsAreTheFrameAndTransparentOnesTheCheckerboard() {
    byte[] rgba = frame(3);
    ViewTransform v = new ViewTransform();
    v.setViewSize(W, H);
    v.setImageSize(W, H);
    int[] out = new int[W * H];
    FrameRaster.compose(out, rgba, v, PreviewPanel.BACKGROUND);
    for (int i = 0; i < W * H; i++) {
      int a = rgba[i * 4 + 3] & 0xFF;
      int x = i % W;
      int y = i / W;
      if (a == 255) {
        assertEquals((rgba[i * 4] & 0xFF) << 16 | (rgba[i * 4 + 1] & 0xFF) << 8 | (rgba[i * 4 + 2] & 0xFF), out[i]);
      } else if (a == 0) {
        int k = ((x / QuadRenderer.CELL + y / QuadRenderer.CELL) & 1) == 0 ? QuadRenderer.LIGHT : QuadRenderer.DARK;
        assertEquals(k << 16 | k << 8 | k, out[i], "transparent pixel (" + x + ", " + y + ")");
      }
    }
  }
}
