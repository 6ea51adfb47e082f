package io.jimagecuda.internal.io;

/**
 * What {@link ImageFiles#read} is allowed to do, resolved by the API layer (settings already applied).
 *
 * @param autorotate whether to apply the EXIF orientation
 * @param maxPixels the most pixels ({@code width × height}) the header may declare; checked before decoding
 * @param acceptTruncated whether damaged files (truncated data, bad PNG chunk CRCs) load as far as they
 *     decode instead of failing
 */
public record ReadOptions(boolean autorotate, long maxPixels, boolean acceptTruncated) {
}
