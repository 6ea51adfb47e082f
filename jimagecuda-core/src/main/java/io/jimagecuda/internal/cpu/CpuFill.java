package io.jimagecuda.internal.cpu;

import io.jimagecuda.GradientDirection;
import io.jimagecuda.Rgba;
import io.jimagecuda.internal.backend.FillOps;
import io.jimagecuda.internal.backend.Storage;

/**
 * CPU twin of {@code fill.cu}: the same formulas through the same {@link Px} helpers, so that each pixel
 * gets the bits the kernel computes. Values that do not depend on the pixel are computed once per call.
 */
final class CpuFill implements FillOps {
  private final Rows rows;

  CpuFill(Rows rows) {
    this.rows = rows;
  }

  private static float[] floats(Storage img) {
    return ((CpuStorage) img).floats;
  }

  private static void put(float[] d, int i, float r, float g, float b, float a) {
    d[i] = r;
    d[i + 1] = g;
    d[i + 2] = b;
    d[i + 3] = a;
  }

  private static void put(float[] d, int i, Rgba c) {
    put(d, i, c.r(), c.g(), c.b(), c.a());
  }

  /** Writes {@code mix2(p, q, t)} per channel. */
  private static void putMix(float[] d, int i, Rgba p, Rgba q, float t) {
    put(d, i, Px.mix2(p.r(), q.r(), t), Px.mix2(p.g(), q.g(), t), Px.mix2(p.b(), q.b(), t),
        Px.mix2(p.a(), q.a(), t));
  }

  @Override
  public void color(Storage img, int width, int height, Rgba c) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int i = y0 * width * 4, end = y1 * width * 4; i < end; i += 4) {
        put(d, i, c);
      }
    });
  }

  @Override
  public void gradient(Storage img, int width, int height, Rgba rgba1, Rgba rgba2, GradientDirection direction,
      boolean seamless) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float v = height > 1 ? (float) y / (float) (height - 1) : 0.5f;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float u = width > 1 ? (float) x / (float) (width - 1) : 0.5f;
          float f = switch (direction) {
            case HORIZONTAL -> u;
            case VERTICAL -> v;
            case DIAGONAL -> width > 1 && height > 1 ? (u + v) * 0.5f : 0.5f;
            case RADIAL -> {
              float nx = width > 1 ? u - 0.5f : 0f;
              float ny = height > 1 ? v - 0.5f : 0f;
              yield Px.fminf(1f, (float) Math.sqrt(Math.fma(nx, nx, ny * ny)) * 1.414213562f);
            }
          };
          if (seamless) {
            f = f < 0.5f ? f * 2f : 2f * (1f - f);
          }
          f = Px.clampB(f);
          put(d, i, Px.lerp(rgba1.r(), rgba2.r(), f), Px.lerp(rgba1.g(), rgba2.g(), f),
              Px.lerp(rgba1.b(), rgba2.b(), f), Px.lerp(rgba1.a(), rgba2.a(), f));
        }
      }
    });
  }

  @Override
  public void checkerboard(Storage img, int width, int height, int size, Rgba color1, Rgba color2, int offsetX,
      int offsetY) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        long cellY = Px.floorDiv((long) y + offsetY, size);
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          long cell = Px.floorDiv((long) x + offsetX, size) + cellY;
          put(d, i, (cell & 1) == 0 ? color1 : color2);
        }
      }
    });
  }

  @Override
  public void grid(Storage img, int width, int height, int spacing, int lineWidth, Rgba color, Rgba bgColor,
      int offsetX, int offsetY) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        boolean rowLine = Px.floorMod((long) y + offsetY, spacing) < lineWidth;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          boolean line = rowLine || Px.floorMod((long) x + offsetX, spacing) < lineWidth;
          put(d, i, line ? color : bgColor);
        }
      }
    });
  }

  @Override
  public void stripes(Storage img, int width, int height, float angle, int spacing, int stripeWidth, Rgba color1,
      Rgba color2, int offset) {
    float[] d = floats(img);
    float theta = Px.radians(angle);
    float cosA = Px.cosf(theta);
    float sinA = Px.sinf(theta);
    float period = spacing;
    float band = stripeWidth;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float ySin = (float) y * sinA;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float p = Math.fma((float) x, cosA, ySin) + (float) offset;
          float t = p % period;
          if (t < 0f) {
            t += period;
          }
          float up = t > period - 1f ? Px.smoothstep(period, period + 1f, t + 1f) : Px.smoothstep(0f, 1f, t);
          float down = Px.oneMinusSmoothstep(band - 1f, band + 1f, t);
          putMix(d, i, color2, color1, Px.fminf(up, down));
        }
      }
    });
  }

  @Override
  public void dots(Storage img, int width, int height, int spacing, float radius, Rgba color, Rgba bgColor,
      int offsetX, int offsetY, float softness) {
    float[] d = floats(img);
    float period = spacing;
    float half = period * 0.5f;
    float e = softness > 0f ? softness * radius : 0.5f;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float my = (float) ((long) y - offsetY) % period;
        if (my < 0f) {
          my += period;
        }
        float dy = my - half;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float mx = (float) ((long) x - offsetX) % period;
          if (mx < 0f) {
            mx += period;
          }
          float dx = mx - half;
          float dist = (float) Math.sqrt(Math.fma(dx, dx, dy * dy));
          putMix(d, i, bgColor, color, Px.oneMinusSmoothstep(radius - e, radius + e, dist));
        }
      }
    });
  }

  @Override
  public void circle(Storage img, int width, int height, Rgba color, Rgba bgColor, float softness) {
    float[] d = floats(img);
    float r = Px.fminf(width, height) / 2f;
    float cx = (float) width / 2f;
    float cy = (float) height / 2f;
    float e = softness > 0f ? softness * r : 0.5f;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float dy = (float) y - cy;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float dx = (float) x - cx;
          float dist = (float) Math.sqrt(Math.fma(dx, dx, dy * dy));
          putMix(d, i, bgColor, color, Px.oneMinusSmoothstep(r - e, r + e, dist));
        }
      }
    });
  }

  @Override
  public void noise(Storage img, int width, int height, float seed, boolean monochrome) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float r = Px.hash(x, y, seed);
          float g = monochrome ? r : Px.hash(x, y, seed + 1f);
          float b = monochrome ? r : Px.hash(x, y, seed + 2f);
          put(d, i, r, g, b, 1f);
        }
      }
    });
  }

  @Override
  public void perlin(Storage img, int width, int height, float scale, float seed, int octaves, float persistence,
      float lacunarity, float offsetX, float offsetY, Rgba color1, Rgba color2) {
    float[] d = floats(img);
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float v = ((float) y + offsetY) / scale;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float u = ((float) x + offsetX) / scale;
          float total = 0f;
          float norm = 0f;
          float amp = 1f;
          float freq = 1f;
          for (int o = 0; o < octaves; o++) {
            total = Math.fma(Px.perlinNoise(u * freq, v * freq, Math.fma((float) o, 13.5f, seed)), amp, total);
            norm += amp;
            amp *= persistence;
            freq *= lacunarity;
          }
          putMix(d, i, color1, color2, Px.clampA(Math.fma(total / norm, 0.5f, 0.5f)));
        }
      }
    });
  }

  @Override
  public void ngon(Storage img, int width, int height, int sides, Rgba color, Rgba bgColor, float rotation,
      float softness) {
    float[] d = floats(img);
    float r = Px.fminf(width, height) / 2f;
    float rho = Px.radians(rotation);
    float cosR = Px.cosf(-rho);
    float sinR = Px.sinf(-rho);
    float slice = (float) (Math.PI * 2.0 / (float) sides);
    float cosHalfSlice = Px.cosf((float) (Math.PI / (float) sides));
    float cx = (float) width / 2f;
    float cy = (float) height / 2f;
    float e = softness > 0f ? softness * r : 0.5f;
    rows.run(width, height, (y0, y1) -> {
      for (int y = y0; y < y1; y++) {
        float py = (float) y - cy;
        for (int x = 0, i = y * width * 4; x < width; x++, i += 4) {
          float px = (float) x - cx;
          float qx = Math.fma(px, cosR, -(py * sinR));
          float qy = Math.fma(py, cosR, px * sinR);
          float alpha = Px.atan2D(qx, qy);
          float local = Math.fma(-(float) Math.floor(0.5f + alpha / slice), slice, alpha);
          float sdf = Math.fma(-cosHalfSlice, r, Px.cosf(local) * Px.length(qx, qy));
          putMix(d, i, bgColor, color, Px.oneMinusSmoothstep(-e, e, sdf));
        }
      }
    });
  }
}
