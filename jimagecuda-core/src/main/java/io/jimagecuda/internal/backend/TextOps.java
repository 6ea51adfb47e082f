package io.jimagecuda.internal.backend;

/**
 * The per-pixel half of {@code Text.create} (spec §3.8): turning the 8-bit coverage mask that Java2D
 * drew on the host, once uploaded, into the float RGBA result. The glyph rasterisation itself stays on
 * the host ({@code internal.text.TextRenderer}); this conversion runs where the image lives, so that a
 * CUDA result never makes a round trip through host memory and only {@code width × height} bytes are
 * uploaded (a quarter of the RGBA8 image the reference uploads). Arguments are already validated by
 * {@code Text}.
 */
public interface TextOps {
  /**
   * For each of the {@code width × height} pixels, with {@code M} the coverage byte at index
   * {@code y·width + x} of {@code maskU8} (packed rows, {@code width} bytes each) and the 8-bit colours
   * {@code fg}, {@code bg} (already {@code trunc(c·255)} clipped to 0..255):
   * <ul>
   *   <li>{@code A = M} if {@code fg.a == 255}, else {@code trunc(M·(fg.a/255.0))} (double constant);</li>
   *   <li>if {@code bg.a == 0}: RGBA8 = {@code (fg.r, fg.g, fg.b, A)};</li>
   *   <li>else Porter-Duff over in float, {@code a = A/255f}, {@code b = bg.a/255f},
   *       {@code o = a + b·(1 − a)}, colour {@code trunc((fg.c·a + bg.c·b·(1 − a)) / o)} clipped to
   *       0..255, alpha {@code trunc(o·255)};</li>
   * </ul>
   * and writes each 8-bit value {@code v} as {@code v / 255f} into {@code dstF32}. Bit-identical on
   * both backends (no fused multiply-add, IEEE division).
   *
   * @param dstF32 the result, at least {@code width × height} pixels
   * @param maskU8 an 8-bit storage whose first {@code width × height} bytes hold the coverage mask
   * @param fg the 8-bit text colour packed as {@code r | g << 8 | b << 16 | a << 24}
   * @param bg the 8-bit background colour, packed the same way
   */
  void create(Storage dstF32, Storage maskU8, int width, int height, int fg, int bg);
}
