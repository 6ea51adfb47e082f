package io.jimagecuda.recipe;

import org.jspecify.annotations.Nullable;

/**
 * The pass rule of a comparison: PSNR of at least {@code minPsnr} dB and, unless {@code maxDiff} is
 * {@code null}, a max abs diff of at most {@code maxDiff} levels. A recipe's {@code tolerance} key
 * ({@code {"psnr": P, "maxdiff": M}}) replaces {@link #DEFAULT} for that case.
 *
 * @param minPsnr the lowest passing PSNR in dB
 * @param maxDiff the largest passing max abs diff in levels, or {@code null} not to check it
 */
public record Tolerance(double minPsnr, @Nullable Integer maxDiff) {
  /** The conformance kit's suggested rule for deterministic ops: PSNR ≥ 40 dB and max abs diff ≤ 3. */
  public static final Tolerance DEFAULT = new Tolerance(40, 3);

  @Override
  public String toString() {
    return "PSNR >= " + minPsnr + " dB" + (maxDiff == null ? "" : ", max diff <= " + maxDiff);
  }
}
