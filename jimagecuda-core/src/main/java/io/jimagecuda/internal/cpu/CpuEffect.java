package io.jimagecuda.internal.cpu;

import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import io.jimagecuda.internal.backend.EffectOps;
import io.jimagecuda.internal.backend.JumpFlood;
import io.jimagecuda.internal.backend.Storage;

/**
 * CPU twin of {@code effect.cu}: the same formulas, the same fused multiply-adds ({@code Math.fma} where
 * the kernel calls {@code fmaf}) and, for the stroke, the same jump-flooding passes over the same seed
 * planes with the same tie-breaking, so that both backends give the same bits. The CUDA backend runs the
 * last passes fused in one tile kernel; here they run one after the other, which is the same computation.
 */
final class CpuEffect implements EffectOps {
  private final Rows rows;

  CpuEffect(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage img) {
    return ((CpuStorage) img).floats;
  }

  @Override
  public void roundedCorners(Storage img, int width, int height, float radius) {
    float[] d = floats(img);
    float right = (float) width - radius;
    float bottom = (float) height - radius;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float fy = (float) y + 0.5f;
        boolean top = fy < radius;
        boolean low = fy > bottom;
        if (!top && !low) {
          continue;
        }
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float fx = (float) x + 0.5f;
          float cx;
          float cy;
          if (fx < radius && top) {
            cx = radius;
            cy = radius;
          } else if (fx > right && top) {
            cx = right;
            cy = radius;
          } else if (fx < radius && low) {
            cx = radius;
            cy = bottom;
          } else if (fx > right && low) {
            cx = right;
            cy = bottom;
          } else {
            continue;
          }
          d[i + 3] *= cornerMask(fx - cx, fy - cy, radius);
        }
      }
    });
  }

  /** {@code smoothstep} of {@code −(|(dx, dy)| − r)} over one pixel: 0 on the arc, 1 one pixel inside. */
  static float cornerMask(float dx, float dy, float r) {
    float dist = (float) Math.sqrt(Math.fma(dx, dx, dy * dy)) - r;
    float t = Px.clampB(-dist);
    return t * t * (3f - 2f * t);
  }

  @Override
  public void vignette(Storage img, int width, int height, float radius, float softness, Rgba color) {
    float[] d = floats(img);
    float start = radius - softness * 0.5f;
    float end = radius + softness * 0.5f;
    float span = end - start;
    float a = color.a();
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float v = height > 1 ? (float) y / (float) (height - 1) * 2f - 1f : 0f;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float u = width > 1 ? (float) x / (float) (width - 1) * 2f - 1f : 0f;
          float dist = (float) Math.sqrt(Math.fma(u, u, v * v));
          float s = vignetteStrength(dist, start, end, span);
          if (s == 0f) {
            continue;
          }
          float m = s * a;
          d[i] = Px.mix2(d[i], color.r(), m);
          d[i + 1] = Px.mix2(d[i + 1], color.g(), m);
          d[i + 2] = Px.mix2(d[i + 2], color.b(), m);
        }
      }
    });
  }

  /** 0 before {@code start}, 1 after {@code end}, smoothstep between; 0 on a zero-width edge. */
  static float vignetteStrength(float dist, float start, float end, float span) {
    if (dist < start) {
      return 0f;
    }
    if (dist > end) {
      return 1f;
    }
    float t = span > 0f ? (dist - start) / span : 0f;
    return t * t * (3f - 2f * t);
  }

  // ---------------------------------------------------------------- stroke

  private static int code(float[] planes, int i) {
    return Float.floatToRawIntBits(planes[i]);
  }

  private static float bits(int code) {
    return Float.intBitsToFloat(code);
  }

  /** Whether source pixel {@code (sx, sy)} is inside the shape: alpha not {@code ≤ 0}; outside the source is 0. */
  private static boolean inside(float[] src, int sw, int sh, int sx, int sy) {
    return sx >= 0 && sx < sw && sy >= 0 && sy < sh && !(src[(sy * sw + sx) * 4 + 3] <= 0f);
  }

  /** A seed: inside, with at least one of its eight neighbours outside. */
  private static boolean isSeed(float[] src, int sw, int sh, int sx, int sy) {
    if (!inside(src, sw, sh, sx, sy)) {
      return false;
    }
    for (int j = -1; j <= 1; j++) {
      for (int i = -1; i <= 1; i++) {
        if ((i != 0 || j != 0) && !inside(src, sw, sh, sx + i, sy + j)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void stroke(Storage dstS, int ow, int oh, Storage srcS, int sw, int sh, Storage distance, int offsetX,
      int offsetY, int strokeWidth, Rgba color, StrokePosition position) {
    float[] dst = floats(dstS);
    float[] src = floats(srcS);
    float[] planes = floats(distance);
    int n = ow * oh;
    rows.run(ow, oh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        for (int x = 0, i = y * ow; x < ow; x++, i++) {
          planes[i] = bits(isSeed(src, sw, sh, x - offsetX, y - offsetY) ? JumpFlood.code(x, y) : JumpFlood.NONE);
        }
      }
    });
    int cur = 0;
    int next = n;
    for (int step : JumpFlood.steps(ow, oh)) {
      int in = cur;
      int out = next;
      rows.run(ow, oh, (y0, y1) -> jump(planes, in, out, ow, oh, step, y0, y1));
      cur = out;
      next = in;
    }
    int seeds = cur;
    float w = strokeWidth;
    boolean outside = position == StrokePosition.OUTSIDE;
    rows.run(ow, oh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int sy = y - offsetY;
        for (int x = 0, i = y * ow; x < ow; x++, i++) {
          float f = strokeFactor(code(planes, seeds + i), x, y, w);
          int sx = x - offsetX;
          int s = sx >= 0 && sx < sw && sy >= 0 && sy < sh ? (sy * sw + sx) * 4 : -1;
          float r = s < 0 ? 0f : src[s];
          float g = s < 0 ? 0f : src[s + 1];
          float b = s < 0 ? 0f : src[s + 2];
          float a = s < 0 ? 0f : src[s + 3];
          float pr;
          float pg;
          float pb;
          float pa;
          if (outside) {
            // Source over stroke, premultiplied: the source's own premultiplication is the fused product.
            float sa = color.a() * f;
            float inv = 1f - a;
            pr = Math.fma(r, a, color.r() * sa * inv);
            pg = Math.fma(g, a, color.g() * sa * inv);
            pb = Math.fma(b, a, color.b() * sa * inv);
            pa = Math.fma(sa, inv, a);
          } else {
            float m = color.a() * f;
            pr = Px.mix2(r, color.r(), m) * a;
            pg = Px.mix2(g, color.g(), m) * a;
            pb = Px.mix2(b, color.b(), m) * a;
            pa = a;
          }
          int o = i * 4;
          if (pa > 1e-4f) {
            dst[o] = pr / pa;
            dst[o + 1] = pg / pa;
            dst[o + 2] = pb / pa;
            dst[o + 3] = pa;
          } else {
            dst[o] = 0f;
            dst[o + 1] = 0f;
            dst[o + 2] = 0f;
            dst[o + 3] = 0f;
          }
        }
      }
    });
  }

  /**
   * One jump-flooding pass over rows {@code [y0, y1)}: each pixel keeps its seed unless one of the eight
   * seeds {@code step} pixels away (rows outer, columns inner, from −1 to 1) is strictly closer.
   */
  private static void jump(float[] planes, int in, int out, int w, int h, int step, int y0, int y1) {
    for (int y = y0; y < y1; y++) {
      for (int x = 0, i = y * w; x < w; x++, i++) {
        int best = code(planes, in + i);
        int bestD = best == JumpFlood.NONE ? Integer.MAX_VALUE : JumpFlood.distance2(best, x, y);
        for (int j = -1; j <= 1; j++) {
          int ny = y + j * step;
          if (ny < 0 || ny >= h) {
            continue;
          }
          for (int k = -1; k <= 1; k++) {
            int nx = x + k * step;
            if (nx < 0 || nx >= w || (k == 0 && j == 0)) {
              continue;
            }
            int c = code(planes, in + ny * w + nx);
            if (c == JumpFlood.NONE) {
              continue;
            }
            int d = JumpFlood.distance2(c, x, y);
            if (d < bestD) {
              bestD = d;
              best = c;
            }
          }
        }
        planes[out + i] = bits(best);
      }
    }
  }

  /** {@code min(1, width − d)} where the seed is at most {@code width} away, else 0 (also without a seed). */
  static float strokeFactor(int seed, int x, int y, float width) {
    if (seed == JumpFlood.NONE) {
      return 0f;
    }
    float d = (float) Math.sqrt((float) JumpFlood.distance2(seed, x, y));
    return d <= width ? Px.fminf(1f, width - d) : 0f;
  }
}
