package io.jimagecuda.internal.io;

/**
 * Encoder settings of {@link ImageFiles#write}, validated by the API layer.
 *
 * @param quality JPEG and lossy WebP quality 1..100, or a value ≤ 0 for the encoder's default (75)
 * @param compressionLevel PNG deflate level 0..9, or a negative value for the default (4, as ImageIO's PNG writer)
 * @param lossless WebP only: lossless instead of lossy
 */
public record WriteOptions(int quality, int compressionLevel, boolean lossless) {
  /** The encoders' defaults: quality 75, deflate level 4, lossy WebP. */
  public static final WriteOptions DEFAULTS = new WriteOptions(-1, -1, false);
}
