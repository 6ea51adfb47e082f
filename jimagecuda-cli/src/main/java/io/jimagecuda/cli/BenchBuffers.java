package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Images;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Rgba;

/**
 * The images a {@link BenchOp} works on, made once per size and backend. Inputs hold real pixels, so that
 * ops read data rather than zeros:
 * <ul>
 *   <li>{@link #src}: RGB noise (alpha 1), the input of filters, conversions and copies;</li>
 *   <li>{@link #other}: a second input, a horizontal orange → blue gradient with alpha 0.8 (an overlay or a
 *       mask);</li>
 *   <li>{@link #u8}: {@code src} as 8-bit;</li>
 *   <li>{@link #textU8}: the text entries' 8-bit scratch, 4096×128 whatever the size;</li>
 *   <li>{@link #dst} and {@link #temp}: results and scratch, reused by every call. Their capacity is 2.25×
 *       the size, so that results larger than the input (a rotation with {@code expand}) fit; their logical
 *       size is set back to the size before each op is timed.</li>
 * </ul>
 */
final class BenchBuffers implements AutoCloseable {
  /** Input: RGB noise, alpha 1. */
  final Image src;
  /** Second input: a translucent gradient. */
  final Image other;
  /** Reused result. */
  final Image dst;
  /** Reused scratch. */
  final Image temp;
  /** {@code src} converted to 8 bits. */
  final ImageU8 u8;
  /** The 8-bit scratch of the text entries, whose results do not depend on the benchmark's size. */
  final ImageU8 textU8;
  private final int width;
  private final int height;
  private final BackendKind kind;

  BenchBuffers(int width, int height, BackendKind kind) {
    this.width = width;
    this.height = height;
    this.kind = kind;
    int roomy = Math.min(ImageBase.MAX_SIDE, (int) Math.ceil(height * 2.25));
    src = new Image(width, height, kind);
    other = new Image(width, height, kind);
    // Room for the largest result: a rotation with expand (up to 2.25x the pixels) or a fixed-size result
    // such as a resize to 800x600 from a small benchmark image.
    dst = new Image(Math.max(width, 800), Math.max(roomy, 600), kind);
    temp = new Image(Math.max(width, 800), Math.max(roomy, 600), kind);
    u8 = new ImageU8(width, height, kind);
    textU8 = new ImageU8(4096, 128, kind);
    Fill.noise(src, new Fill.Noise(1, false));
    Fill.gradient(other, new Rgba(1, 0.5f, 0, 0.8f), new Rgba(0, 0.5f, 1, 0.8f), GradientDirection.HORIZONTAL);
    Images.convertFloatToU8(u8, src);
    reset();
  }

  /** The benchmark's width. */
  int width() {
    return width;
  }

  /** The benchmark's height. */
  int height() {
    return height;
  }

  /** A new image of the benchmark's size on its backend, owned by the caller (for allocating forms). */
  Image newImage() {
    return new Image(width, height, kind);
  }

  /**
   * Sets {@link #dst} and {@link #temp} back to the benchmark's size and {@link #dst} to a copy of
   * {@link #src}, so that in-place ops work on colourful pixels (vibrance leaves greys unwritten).
   */
  void reset() {
    dst.setLogicalSize(width, height);
    temp.setLogicalSize(width, height);
    Images.copy(dst, src);
  }

  @Override
  public void close() {
    src.free();
    other.free();
    dst.free();
    temp.free();
    u8.free();
    textU8.free();
  }
}
