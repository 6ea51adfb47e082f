package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.internal.ImageAccess;
import io.jimagecuda.internal.cpu.CpuStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free()} from another thread while an operation runs: the operation completes before the memory is
 * released, or fails with {@link IllegalStateException}; never a {@link NullPointerException}, another
 * exception, or a file written from released memory.
 */
class FreeWhileInUseTest {
  @Test
  void freeDuringAnOperationDefersTheReleaseToItsEnd() {
    Image img = new Image(4, 4, BackendKind.CPU);
    CpuStorage storage = (CpuStorage) ImageAccess.storage(img);
    try (Use u = Use.of("test", img)) {
      img.free();
      assertTrue(img.isFreed(), "free() marks the image at once");
      assertNotNull(storage.floats(), "the memory stays while an operation holds the image");
      assertThrows(IllegalStateException.class, () -> Use.of("later", img).close());
    }
    assertNull(storage.floats(), "the last holder released the memory");
    img.free(); // idempotent
  }

  @Test
  void anOperationThatStartsAfterFreeFailsWithIllegalStateException(@TempDir Path dir) {
    Image img = new Image(4, 4, BackendKind.CPU);
    img.free();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Adjust.brightness(img, 0.5f));
    assertTrue(e.getMessage().startsWith("Adjust.brightness: image"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Images.save(img, dir.resolve("x.png")));
    assertFalse(Files.exists(dir.resolve("x.png")), "no file from a freed image");
  }

  @Test
  void aFailedAcquireOfTheSecondImageReleasesTheFirst() {
    Image a = new Image(2, 2, BackendKind.CPU);
    Image b = new Image(2, 2, BackendKind.CPU);
    b.free();
    assertThrows(IllegalStateException.class, () -> Use.of("test", a, b));
    CpuStorage storage = (CpuStorage) ImageAccess.storage(a);
    a.free();
    assertNull(storage.floats(), "a was not left held");
  }

  /** The race itself, many times: operations on one thread, free() at a random moment on another. */
  @Test
  void freeFromAnotherThreadNeverBreaksARunningOperation(@TempDir Path dir) throws Exception {
    int trials = 400;
    int completed = 0;
    int refused = 0;
    List<Throwable> wrong = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      Image img = new Image(192, 192, BackendKind.CPU); // above the serial threshold: the pool's threads run it
      Fill.color(img, new Rgba(0.25f, 0.5f, 0.75f, 1));
      Path png = dir.resolve("t" + t + ".png");
      CountDownLatch start = new CountDownLatch(1);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      float[][] seen = new float[1][];
      Thread worker = new Thread(() -> {
        try {
          start.await();
          Adjust.brightness(img, 0.1f);
          try (Image blurred = new Image(192, 192, BackendKind.CPU)) {
            Filter.gaussianBlurInto(blurred, img, 2);
          }
          seen[0] = Images.download(img);
          Images.save(img, png);
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      worker.start();
      start.countDown();
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(2_000_000));
      img.free();
      worker.join();
      Throwable f = failure.get();
      if (f == null) {
        completed++;
        assertEquals(192 * 192 * 4, seen[0].length);
      } else if (f instanceof IllegalStateException && f.getMessage().contains("freed")) {
        refused++;
        if (Files.exists(png)) {
          wrong.add(new AssertionError("trial " + t + ": a file was written although the save was refused"));
        }
      } else {
        wrong.add(f);
      }
    }
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong outcomes, first: " + wrong.get(0));
    assertEquals(trials, completed + refused);
    System.out.println("free() during operations: " + completed + " completed, " + refused + " refused");
  }

  /** A saved file always holds the image's pixels, never zeros from released memory. */
  @Test
  void aSaveThatCompletesWritesThePixels(@TempDir Path dir) throws Exception {
    for (int t = 0; t < 100; t++) {
      Image img = new Image(64, 64, BackendKind.CPU);
      Fill.color(img, new Rgba(1, 0, 0, 1));
      Path png = dir.resolve("s" + t + ".png");
      Thread saver = new Thread(() -> {
        try {
          Images.save(img, png);
        } catch (Exception e) {
          // refused (freed before it started): checked below by the file's absence
        }
      });
      saver.start();
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(300_000));
      img.free();
      saver.join();
      if (Files.exists(png)) {
        try (Image back = Images.load(png)) {
          float[] px = Images.download(back);
          assertArrayEquals(new float[] {1, 0, 0, 1}, new float[] {px[0], px[1], px[2], px[3]});
          assertArrayEquals(new float[] {1, 0, 0, 1},
              new float[] {px[px.length - 4], px[px.length - 3], px[px.length - 2], px[px.length - 1]});
        }
      }
    }
  }

  /**
   * The race on the CUDA backend, where a release too early would let a kernel or a copy use memory the
   * pool has handed to another image: every download that completes sees the image's own pixels, never
   * the colour of the image allocated right after the free.
   */
  @io.jimagecuda.parity.GpuOnly
  @Test
  void onCudaAnOperationCompletesBeforeItsMemoryIsReused() throws Exception {
    int trials = 2000;
    int completed = 0;
    int refused = 0;
    List<Throwable> wrong = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      Image img = new Image(256, 256, BackendKind.CUDA);
      Fill.color(img, new Rgba(0.25f, 0.5f, 0.75f, 1));
      CountDownLatch start = new CountDownLatch(1);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      float[][] seen = new float[1][];
      Thread worker = new Thread(() -> {
        try {
          start.await();
          Adjust.contrast(img, 1.0001f);
          seen[0] = Images.download(img);
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      worker.start();
      start.countDown();
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
      img.free();
      try (Image other = new Image(256, 256, BackendKind.CUDA)) { // may get the freed memory from the pool
        Fill.color(other, new Rgba(0, 1, 0, 1));
        worker.join();
      }
      Throwable f = failure.get();
      if (f == null) {
        completed++;
        for (int i = 0; i < seen[0].length; i += 4) {
          if (Math.abs(seen[0][i + 1] - 0.5f) > 1e-3f) {
            wrong.add(new AssertionError("trial " + t + ": pixel " + i / 4 + " is " + seen[0][i] + ", "
                + seen[0][i + 1] + ", " + seen[0][i + 2] + ": read from reused memory"));
            break;
          }
        }
      } else if (f instanceof IllegalStateException && f.getMessage().contains("freed")) {
        refused++;
      } else {
        wrong.add(f);
      }
    }
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong outcomes, first: " + wrong.get(0));
    System.out.println("CUDA free() during operations: " + completed + " completed, " + refused + " refused");
  }
}
