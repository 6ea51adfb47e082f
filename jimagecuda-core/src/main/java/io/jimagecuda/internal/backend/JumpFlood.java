package io.jimagecuda.internal.backend;

/**
 * What both backends share about the stroke's nearest-seed field (spec §3.5 {@code Effect.stroke}): the
 * encoding of a seed in 32 bits, the layout of the two seed planes in the distance scratch buffer and the
 * jump-flooding pass sequence. The kernels of {@code effect.cu} use the same constants
 * ({@code STROKE_NONE}, the 15-bit shift).
 *
 * <p><b>Seed code.</b> A seed at canvas pixel {@code (x, y)} is {@code (y << 15) | x}; canvas sides are at
 * most 32768, so a code uses 30 bits. {@link #NONE} (bit 30) marks a pixel that holds no seed yet. Bit 30
 * of every code is 0 or the code is {@code NONE} = 2.0f, so no code read as a float is a NaN: the CPU
 * backend keeps codes in a float array bit for bit.
 *
 * <p><b>Scratch layout.</b> The two ping-pong planes of an {@code ow × oh} canvas are {@code ow·oh}
 * 32-bit words each, plane A at word 0 and plane B at word {@code ow·oh} of the distance buffer's memory:
 * together 8 bytes per canvas pixel, half of what a float RGBA buffer of the canvas size holds.
 */
public final class JumpFlood {
  /** The code of "no seed" (bit 30; as a float 2.0, never a NaN). */
  public static final int NONE = 1 << 30;
  /** Bits of the x coordinate in a seed code. */
  public static final int X_BITS = 15;
  /** Mask of the x coordinate in a seed code. */
  public static final int X_MASK = (1 << X_BITS) - 1;
  /** Largest step that the CUDA backend runs inside its fused tile kernel (the steps 8, 4, 2, 1, 1). */
  public static final int TILE_STEPS_FROM = 8;

  private JumpFlood() {
  }

  /** The code of a seed at {@code (x, y)}. */
  public static int code(int x, int y) {
    return (y << X_BITS) | x;
  }

  /**
   * The squared distance from {@code (x, y)} to the seed {@code code}. Coordinates below 32768 keep it
   * within {@code int}: at most {@code 2·32767² < 2^31}.
   */
  public static int distance2(int code, int x, int y) {
    int dx = x - (code & X_MASK);
    int dy = y - (code >>> X_BITS);
    return dx * dx + dy * dy;
  }

  /**
   * The reference's pass sequence for a {@code width × height} canvas: with
   * {@code K = floor(log2(max(width, height)))}, the steps {@code 2^(K−1), 2^(K−2), …, 1} and then one more
   * step of 1. A 1-pixel canvas ({@code K = 0}) gets the extra pass only.
   */
  public static int[] steps(int width, int height) {
    int k = 31 - Integer.numberOfLeadingZeros(Math.max(width, height));
    int[] steps = new int[k + 1];
    for (int i = 0; i < k; i++) {
      steps[i] = 1 << (k - 1 - i);
    }
    steps[k] = 1;
    return steps;
  }
}
