package io.jimagecuda.internal.io;

/**
 * Rows of straight 8-bit RGBA pixels, read a strip at a time by a streaming encoder: from a host array, or
 * downloaded from a backend's image strip by strip, so that a save never holds the whole image on the heap.
 * Called from several threads at once.
 */
@FunctionalInterface
public interface RowSource {
  /**
   * Copies rows {@code y .. y + count - 1} into {@code dst[offset..]}, {@code width · 4} bytes per row.
   *
   * @param y the first row
   * @param count how many rows
   * @param dst the destination
   * @param offset where the first row goes in {@code dst}
   */
  void read(int y, int count, byte[] dst, int offset);
}
