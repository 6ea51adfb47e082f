package io.jimagecuda.cli;

import io.jimagecuda.Image;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One entry of {@code jimagecuda bench ops}: its name (also the key of the peers' results, see
 * {@code dev/bench_peers.py}), the bytes it reads plus writes per pixel (for GB/s), one call on
 * {@linkplain BenchBuffers prepared buffers}, and, for entries of the published set, the same work allocating
 * its result per call.
 *
 * <pre>{@code
 * BenchOp.inPlace("fill.color", 16, (img, b) -> Fill.color(img, COLOR))                  // in place
 * BenchOp.producer("transform.flip", 32, b -> Transform.flipInto(b.dst, b.src),           // producer
 *     b -> Transform.flip(b.src)).published()
 * BenchOp.of("convert.floatToU8", 20, b -> Images.convertFloatToU8(b.u8, b.src))              // main table only
 * }</pre>
 *
 * @param name the row's name, e.g. {@code "fill.color"} or {@code "filter.gaussianBlur r20"}
 * @param bytesPerPixel bytes read plus written per pixel of the benchmark's size
 * @param inPublishedSet whether the entry is also timed in the published-set section
 * @param reuse one call writing into the reused buffers ({@code b.dst}, {@code b.temp}, {@code b.u8})
 * @param alloc one call that allocates its result (and scratch) and returns it; the harness frees it; null
 *     for entries that are not in the published set
 */
record BenchOp(String name, int bytesPerPixel, boolean inPublishedSet, Consumer<BenchBuffers> reuse,
    Function<BenchBuffers, Image> alloc) {
  /** Checks the entry. */
  BenchOp {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reuse, "reuse");
    if (bytesPerPixel < 1) {
      throw new IllegalArgumentException(name + ": bytesPerPixel must be positive, got " + bytesPerPixel);
    }
    if (inPublishedSet && alloc == null) {
      throw new IllegalArgumentException(name + ": a published entry needs an allocating form");
    }
  }

  /** An entry of the main table only: {@code call} uses the buffers as it likes. */
  static BenchOp of(String name, int bytesPerPixel, Consumer<BenchBuffers> call) {
    return new BenchOp(name, bytesPerPixel, false, call, null);
  }

  /**
   * An in-place op: {@code op} modifies its first argument, which is {@code b.dst} when buffers are reused
   * and a new image of the benchmark's size when allocating.
   */
  static BenchOp inPlace(String name, int bytesPerPixel, BiConsumer<Image, BenchBuffers> op) {
    return new BenchOp(name, bytesPerPixel, false, b -> op.accept(b.dst, b), b -> {
      Image img = b.newImage();
      try {
        op.accept(img, b);
        return img;
      } catch (RuntimeException e) {
        img.free();
        throw e;
      }
    });
  }

  /**
   * A producer: {@code into} writes into the reused {@code b.dst} (with {@code b.temp} as scratch),
   * {@code allocating} is the form that returns a new image.
   */
  static BenchOp producer(String name, int bytesPerPixel, Consumer<BenchBuffers> into,
      Function<BenchBuffers, Image> allocating) {
    return new BenchOp(name, bytesPerPixel, false, into, Objects.requireNonNull(allocating, "allocating"));
  }

  /** This entry, also timed in the published-set section (reused buffers and an allocation per call). */
  BenchOp published() {
    return new BenchOp(name, bytesPerPixel, true, reuse, alloc);
  }
}
