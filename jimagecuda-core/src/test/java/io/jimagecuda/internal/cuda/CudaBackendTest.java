package io.jimagecuda.internal.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.CudaException;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.OutOfDeviceMemoryException;
import io.jimagecuda.parity.GpuOnly;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CUDA backend's memory, transfers and error reporting, on the GPU machine. */
@GpuOnly
class CudaBackendTest {
  private static final BackendKind CUDA = BackendKind.CUDA;

  @BeforeAll
  static void needsCuda() {
  }

  @Test
  void describesTheDevice() {
    String d = JImageCuda.describe(CUDA);
    assertTrue(d.contains("compute capability"), d);
    assertTrue(d.contains("stream-ordered memory pool"), d);
  }

  @Test
  void newImagesAreZeroFilled() {
    try (Image img = new Image(1001, 777, CUDA); ImageU8 u8 = new ImageU8(3, 7, CUDA)) {
      for (float v : Images.download(img)) {
        assertEquals(0f, v);
      }
      assertArrayEquals(new byte[3 * 7 * 4], Images.download(u8));
    }
  }

  @Test
  void floatArraysRoundTripAcrossStagingChunks() {
    // 3840x2160 floats are 132 MB: several chunks of the 16 MiB staging buffer.
    for (int[] s : new int[][] {{1, 1}, {3, 7}, {1001, 777}, {3840, 2160}}) {
      float[] data = random(s[0] * s[1] * 4, s[0]);
      try (Image img = new Image(s[0], s[1], CUDA)) {
        Images.upload(img, data);
        assertArrayEquals(data, Images.download(img), s[0] + "x" + s[1]);
      }
    }
  }

  @Test
  void bytesAndBuffersRoundTrip() {
    byte[] data = new byte[1001 * 777 * 4];
    new Random(7).nextBytes(data);
    try (ImageU8 img = new ImageU8(1001, 777, CUDA)) {
      Images.upload(img, data);
      assertArrayEquals(data, Images.download(img));

      ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
      Images.download(img, direct);
      byte[] back = new byte[data.length];
      direct.get(back);
      assertArrayEquals(data, back);

      byte[] other = new byte[data.length];
      new Random(8).nextBytes(other);
      Images.upload(img, ByteBuffer.wrap(other));
      ByteBuffer heap = ByteBuffer.allocate(data.length);
      Images.download(img, heap);
      assertArrayEquals(other, heap.array());
    }
  }

  /** Strips of rows from an offset (what a streamed PNG save downloads), across staging chunks, and the file. */
  @Test
  void stripsFromAnOffsetAndAStreamedPngEqualTheCpuBackend(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    int w = 3001;
    int h = 1777; // 21 MB: several staging chunks
    byte[] data = new byte[w * h * 4];
    new Random(17).nextBytes(data);
    try (ImageU8 img = new ImageU8(w, h, CUDA); ImageU8 cpu = new ImageU8(w, h, BackendKind.CPU)) {
      Images.upload(img, data);
      Images.upload(cpu, data);
      CudaBackend backend = (CudaBackend) io.jimagecuda.internal.backend.Backends.get(CUDA);
      int rowBytes = w * 4;
      for (int[] strip : new int[][] {{0, 1}, {5, 40}, {1000, 777}, {h - 3, 3}}) {
        byte[] got = new byte[strip[1] * rowBytes + 8];
        backend.downloadBytes(io.jimagecuda.internal.ImageAccess.storage(img), (long) strip[0] * rowBytes, got, 8,
            strip[1] * rowBytes);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, strip[0] * rowBytes, (strip[0] + strip[1]) * rowBytes),
            java.util.Arrays.copyOfRange(got, 8, got.length), "rows " + strip[0] + "+" + strip[1]);
      }
      Images.saveU8(img, dir.resolve("cuda.png"));
      Images.saveU8(cpu, dir.resolve("cpu.png"));
      assertArrayEquals(java.nio.file.Files.readAllBytes(dir.resolve("cpu.png")),
          java.nio.file.Files.readAllBytes(dir.resolve("cuda.png")), "the same PNG bytes from either backend");
    }
  }

  @Test
  void floatBytesAreLittleEndian() {
    try (Image img = new Image(2, 1, CUDA)) {
      float[] v = {0.25f, -1.5f, 3e-8f, Float.NaN, 1f, 2f, 0.5f, Float.POSITIVE_INFINITY};
      Images.upload(img, v);
      ByteBuffer b = ByteBuffer.allocate(32);
      Images.download(img, b);
      b.order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < v.length; i++) {
        assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(b.getFloat(i * 4)));
      }
    }
  }

  @Test
  void copyResizesAndCopiesOnTheDevice() {
    float[] data = random(13 * 5 * 4, 3);
    try (Image src = new Image(13, 5, CUDA); Image dst = new Image(20, 20, CUDA)) {
      Images.upload(src, data);
      Images.copy(dst, src);
      assertEquals(13, dst.width());
      assertEquals(5, dst.height());
      assertArrayEquals(data, Images.download(dst));
    }
  }

  @Test
  void outOfMemoryNamesTheSizeAndTheFreeMemory() {
    List<Image> held = new ArrayList<>();
    try {
      OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class, () -> {
        for (int i = 0; i < 64; i++) {
          held.add(new Image(32768, 32768, CUDA)); // 16 GiB each
        }
      });
      assertEquals(32768L * 32768 * 16, e.requestedBytes());
      assertTrue(e.getMessage().contains("17,179,869,184 bytes"), e.getMessage());
      assertTrue(e.getMessage().contains("free"), e.getMessage());
      assertTrue(e.freeBytes() >= 0);
    } finally {
      held.forEach(Image::free);
      JImageCuda.synchronize(CUDA);
    }
    // The device recovers: memory freed above is reusable.
    try (Image again = new Image(32768, 32768, CUDA)) {
      assertEquals(32768L * 32768, again.capacity());
    }
  }

  @Test
  void driverErrorsNameTheCallAndTheError() {
    CudaBackend cuda = (CudaBackend) io.jimagecuda.internal.backend.Backends.get(CUDA);
    CudaException e = assertThrows(CudaException.class, () -> cuda.function("no_such_kernel"));
    assertEquals("CUDA_ERROR_NOT_FOUND", e.errorName());
    assertTrue(e.getMessage().startsWith("cuModuleGetFunction(no_such_kernel) failed: CUDA_ERROR_NOT_FOUND"),
        e.getMessage());
    assertTrue(e.getMessage().contains("rebuild"), e.getMessage());
  }

  @Test
  void imagesFreedByTheCleanerFromAnotherThreadReleaseMemory() throws Exception {
    CudaBackend cuda = (CudaBackend) io.jimagecuda.internal.backend.Backends.get(CUDA);
    Thread t = new Thread(() -> {
      for (int i = 0; i < 50; i++) {
        new Image(4096, 4096, CUDA).free(); // 256 MiB, released on this thread
      }
    });
    t.start();
    t.join();
    JImageCuda.synchronize(CUDA);
    assertTrue(cuda.freeMemory() > 0);
  }

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextFloat() * 2 - 0.5f;
    }
    return a;
  }
}
