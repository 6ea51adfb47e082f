package io.jimagecuda.internal.backend;

/**
 * The one place where Gaussian blur weights are made (spec §3.4), for {@code Filter.gaussianBlur} and for
 * every op that blurs internally (the drop shadow). Both backends receive the same array, so they blur
 * with identical weights.
 *
 * <pre>{@code
 * float[] w = GaussianWeights.compute(3, GaussianWeights.autoSigma(3)); // w[0..3], w0 + 2(w1 + w2 + w3) = 1
 * }</pre>
 */
public final class GaussianWeights {
  /** Largest blur radius: the kernels take at most {@code MAX_RADIUS + 1} weights. */
  public static final int MAX_RADIUS = 100;

  private GaussianWeights() {
  }

  /**
   * The sigma used when none is given: {@code radius / 3} computed in double and rounded to float, as the
   * reference's Python wrapper passes it (the kernel is then truncated at about 3σ).
   */
  public static float autoSigma(int radius) {
    return (float) (radius / 3.0);
  }

  /**
   * The weights {@code w[0..radius]} of a blur: {@code w_i = exp(−i² / (2σ²))}, each divided by
   * {@code w_0 + 2·Σ_{i≥1} w_i}. All in float as the reference's host code computes them:
   * {@code 2σ²} as {@code (2·σ)·σ}, the exponent {@code −(i·i) / 2σ²} rounded, the sum accumulated in
   * index order (unfused), then each weight divided by it.
   *
   * @param radius 0..{@value #MAX_RADIUS} (radius 0 gives {@code {1}})
   * @param sigma {@code > 0}
   * @return a new array of {@code radius + 1} weights
   */
  public static float[] compute(int radius, float sigma) {
    float[] w = new float[radius + 1];
    float twoSigma2 = 2.0f * sigma * sigma;
    float sum = 0.0f;
    for (int i = 0; i <= radius; i++) {
      float x = i;
      w[i] = (float) Math.exp(-(x * x) / twoSigma2);
      sum += i == 0 ? w[i] : 2.0f * w[i];
    }
    for (int i = 0; i <= radius; i++) {
      w[i] /= sum;
    }
    return w;
  }
}
