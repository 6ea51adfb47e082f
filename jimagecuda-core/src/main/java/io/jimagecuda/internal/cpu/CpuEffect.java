package io.jimagecuda.internal.cpu;

import io.jimagecuda.Rgba;
import io.jimagecuda.StrokePosition;
import io.jimagecuda.internal.Placement;
import io.jimagecuda.internal.backend.EffectOps;
import io.jimagecuda.internal.backend.JumpFlood;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.backend.Storage;
import org.jspecify.annotations.Nullable;

/**
 * CPU twin of {@code effect.cu}: the same formulas, the same fused multiply-adds ({@code Math.fma} where
 * the kernel calls {@code fmaf}) and, for the stroke, the same jump-flooding passes over the same seed
 * planes with the same tie-breaking, so that both backends give the same bits. The CUDA backend runs the
 * last passes fused in one tile kernel; here they run one after the other, which is the same computation.
 * The drop shadow blurs with the filters' own blur and composites with {@link CpuBlend#over}.
 */
final class CpuEffect implements EffectOps {
  private final Rows rows;
  /** The blur of the drop shadow: the same code as {@code Filter.gaussianBlur}'s (stateless but for rows). */
  private final CpuFilter filter;

  CpuEffect(Rows rows) {
    this.rows = rows;
    this.filter = new CpuFilter(rows);
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

  // ---------------------------------------------------------------- chroma key

  @Override
  public void chromaKey(Storage img, int width, int height, float keyR, float keyG, float keyB, float threshold,
      float smoothness, float spillSuppression) {
    float[] d = floats(img);
    float[] key = new float[3];
    Px.rgbToHsv(keyR, keyG, keyB, key, 0);
    boolean keyGrey = chroma(keyR, keyG, keyB) < 1e-5f;
    float edgeStart = Px.fmaxf(0f, threshold - smoothness);
    boolean soft = smoothness > 1e-4f;
    boolean spill = spillSuppression > 0.001f;
    rows.run(width, height, (y0, y1) -> {
      float[] hsv = new float[3];
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        float r = d[i];
        float g = d[i + 1];
        float b = d[i + 2];
        Px.rgbToHsv(r, g, b, hsv, 0);
        float dist = chromaDistance(hsv, key, keyGrey || chroma(r, g, b) < 1e-5f);
        float k = 1f;
        if (dist < threshold) {
          k = soft ? Px.smoothstep(edgeStart, threshold, dist) : 0f;
        }
        if (spill && k > 0.1f && k < 0.9f) {
          float amount = (1f - k) * spillSuppression;
          float sr = Px.fmaxf(0f, r - keyR * amount);
          float sg = Px.fmaxf(0f, g - keyG * amount);
          float sb = Px.fmaxf(0f, b - keyB * amount);
          float spillLuma = luma(sr, sg, sb);
          if (spillLuma > 0.001f) {
            float ratio = luma(r, g, b) / spillLuma;
            d[i] = Px.fminf(1f, sr * ratio);
            d[i + 1] = Px.fminf(1f, sg * ratio);
            d[i + 2] = Px.fminf(1f, sb * ratio);
          }
        }
        d[i + 3] *= k;
      }
    });
  }

  /** {@code max − min} of the channels, as {@code rgbToHsv} computes it: below 1e-5 the colour is a grey. */
  private static float chroma(float r, float g, float b) {
    return Px.fmaxf(r, Px.fmaxf(g, b)) - Px.fminf(r, Px.fminf(g, b));
  }

  /**
   * {@code √(2·dh² + ds² + ½·dv²)}, rounded as the reference's build rounds it:
   * {@code fma(dv², ½, fma(ds, ds, fma(dh, dh, dh·dh)))}. No hue difference when {@code grey}.
   */
  static float chromaDistance(float[] hsv, float[] key, boolean grey) {
    float dh = Math.abs(hsv[0] - key[0]);
    if (dh > 180f) {
      dh = 360f - dh;
    }
    dh = grey ? 0f : dh / 180f;
    float ds = Math.abs(hsv[1] - key[1]);
    float dv = Math.abs(hsv[2] - key[2]);
    float sum = Math.fma(ds, ds, Math.fma(dh, dh, dh * dh));
    return (float) Math.sqrt(Math.fma(dv * dv, 0.5f, sum));
  }

  /** Rec.601 luma as the reference's build rounds it: red and blue products fused, green rounded. */
  private static float luma(float r, float g, float b) {
    return Math.fma(b, 0.114f, Math.fma(r, 0.299f, g * 0.587f));
  }

  // ---------------------------------------------------------------- drop shadow

  @Override
  public void dropShadow(Storage dstS, int ow, int oh, Storage srcS, int sw, int sh, int imageX, int imageY,
      @Nullable Storage shadow, @Nullable Storage temp, int shadowX, int shadowY, float[] weights, Rgba color) {
    float[] canvas = null;
    if (!Placement.at(shadowX, shadowY, ow, oh, ow, oh).isEmpty()) {
      Storage c = shadow != null ? shadow : new CpuStorage(PixelFormat.F32, (long) ow * oh);
      canvas = floats(c);
      silhouette(canvas, ow, oh, floats(srcS), sw, sh, imageX, imageY);
      if (weights.length > 1) {
        filter.gaussianBlur(c, c, temp, ow, oh, weights);
      }
    }
    composite(floats(dstS), ow, oh, floats(srcS), sw, sh, imageX, imageY, canvas, shadowX, shadowY, color);
  }

  /** The canvas: every channel the alpha of the image pixel under it (the image at {@code (ix, iy)}), 0 elsewhere. */
  private void silhouette(float[] canvas, int ow, int oh, float[] src, int sw, int sh, int ix, int iy) {
    rows.run(ow, oh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int sy = y - iy;
        boolean row = sy >= 0 && sy < sh;
        for (int x = 0, o = y * ow * 4; x < ow; x++, o += 4) {
          int sx = x - ix;
          float a = row && sx >= 0 && sx < sw ? src[(sy * sw + sx) * 4 + 3] : 0f;
          canvas[o] = a;
          canvas[o + 1] = a;
          canvas[o + 2] = a;
          canvas[o + 3] = a;
        }
      }
    });
  }

  /**
   * Every result pixel: transparent black, the shadow layer over it, the image over that, as the
   * reference's clear and two normal blends do, one pixel at a time.
   */
  private void composite(float[] dst, int ow, int oh, float[] src, int sw, int sh, int ix, int iy,
      float @Nullable [] canvas, int shadowX, int shadowY, Rgba color) {
    float cr = color.r();
    float cg = color.g();
    float cb = color.b();
    float ca = color.a();
    rows.run(ow, oh, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        int cy = y - shadowY;
        boolean shadowRow = canvas != null && cy >= 0 && cy < oh;
        int sy = y - iy;
        boolean imageRow = sy >= 0 && sy < sh;
        for (int x = 0, o = y * ow * 4; x < ow; x++, o += 4) {
          dst[o] = 0f;
          dst[o + 1] = 0f;
          dst[o + 2] = 0f;
          dst[o + 3] = 0f;
          int cx = x - shadowX;
          if (shadowRow && cx >= 0 && cx < ow) {
            CpuBlend.over(CpuBlend.NORMAL, dst, o, cr, cg, cb, canvas[(cy * ow + cx) * 4 + 3] * ca, 1f);
          }
          int sx = x - ix;
          if (imageRow && sx >= 0 && sx < sw) {
            int s = (sy * sw + sx) * 4;
            CpuBlend.over(CpuBlend.NORMAL, dst, o, src[s], src[s + 1], src[s + 2], src[s + 3], 1f);
          }
        }
      }
    });
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
