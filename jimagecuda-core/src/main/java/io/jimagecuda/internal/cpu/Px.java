package io.jimagecuda.internal.cpu;

/**
 * Pixel maths shared by the CPU operations, one for one with {@code src/main/cuda/common.cuh}: same
 * names, same order of float operations, explicit {@link Math#fma} where the kernels call {@code fmaf},
 * so both backends round alike. CUDA's {@code fminf}/{@code fmaxf} return the non-NaN operand; the
 * helpers here do the same.
 */
public final class Px {
  private Px() {
  }

  /** CUDA {@code fminf}: the smaller value; if one is NaN, the other. */
  public static float fminf(float a, float b) {
    if (a != a) {
      return b;
    }
    if (b != b) {
      return a;
    }
    return Math.min(a, b);
  }

  /** CUDA {@code fmaxf}: the larger value; if one is NaN, the other. */
  public static float fmaxf(float a, float b) {
    if (a != a) {
      return b;
    }
    if (b != b) {
      return a;
    }
    return Math.max(a, b);
  }

  /** {@code max(0, min(1, v))}: NaN becomes 1 (spec §1.9 clampA). */
  public static float clampA(float v) {
    return fmaxf(0f, fminf(1f, v));
  }

  /** {@code min(max(v, 0), 1)}: NaN becomes 0 (spec §1.9 clampB). */
  public static float clampB(float v) {
    return fminf(fmaxf(v, 0f), 1f);
  }

  /** Float channel to 8 bits: {@code trunc(fma(clampB(v), 255, 0.5))}. */
  public static int toU8(float v) {
    return (int) Math.fma(clampB(v), 255f, 0.5f);
  }
}
