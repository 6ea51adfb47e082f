package io.jimagecuda.gl.preview;

import io.jimagecuda.IO;
import io.jimagecuda.Image;
import java.util.stream.IntStream;

/**
 * The preview's animated test scene: a radial gradient that turns transparent towards the corners
 * (the checkerboard behind shows through), a fully transparent band at the top, and an opaque disc that
 * circles the centre.
 *
 * <p>Until the {@code Fill} family is merged, the frame is computed on the host with the formulas of
 * {@code Fill.gradient} and {@code Fill.circle} and uploaded into the image; after the merge,
 * {@link #render} becomes Fill calls on the image's backend, so the frame is made on the GPU.
 */
public final class PreviewScene {
  /** Rows at the top, as a fraction of the height, that are fully transparent. */
  public static final float TRANSPARENT_BAND = 0.1f;

  private float[] host = new float[0];

  /**
   * The centre of the disc at time {@code t} as {@code {x, y}} in pixels, and its radius.
   */
  static float[] disc(int w, int h, double t) {
    float r = 0.15f * Math.min(w, h);
    float cx = (float) (w / 2.0 + 0.25 * w * Math.cos(t * 1.3));
    float cy = (float) (h / 2.0 + 0.25 * h * Math.sin(t * 1.3));
    return new float[] {cx, cy, r};
  }

  /** Renders the scene at time {@code t} (seconds) into the logical area of {@code frame}. */
  public void render(Image frame, double t) {
    int w = frame.width();
    int h = frame.height();
    int n = w * h * 4;
    if (host.length != n) {
      host = new float[n];
    }
    float[] out = host;
    float[] d = disc(w, h, t);
    int band = (int) (TRANSPARENT_BAND * h);
    IntStream.range(0, h).parallel().forEach(y -> {
      float ny = h > 1 ? (float) y / (h - 1) - 0.5f : 0f;
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 4;
        float dx = x + 0.5f - d[0];
        float dy = y + 0.5f - d[1];
        float inside = Math.min(1f, Math.max(0f, d[2] - (float) Math.sqrt(dx * dx + dy * dy) + 0.5f));
        if (y < band && inside == 0f) {
          out[i] = 0f;
          out[i + 1] = 0f;
          out[i + 2] = 0f;
          out[i + 3] = 0f;
          continue;
        }
        float nx = w > 1 ? (float) x / (w - 1) - 0.5f : 0f;
        float f = Math.min(1f, (float) Math.sqrt(2.0) * (float) Math.sqrt(nx * nx + ny * ny));
        float r = 1f - 0.9f * f;
        float g = 0.3f - 0.1f * f;
        float b = 0.1f + 0.8f * f;
        float a = 1f - 0.75f * f;
        // disc (1, 0.9, 0.2, 1) over the gradient, straight alpha
        float oa = inside + a * (1f - inside);
        out[i] = (1f * inside + r * a * (1f - inside)) / oa;
        out[i + 1] = (0.9f * inside + g * a * (1f - inside)) / oa;
        out[i + 2] = (0.2f * inside + b * a * (1f - inside)) / oa;
        out[i + 3] = oa;
      }
    });
    IO.upload(frame, out);
  }
}
