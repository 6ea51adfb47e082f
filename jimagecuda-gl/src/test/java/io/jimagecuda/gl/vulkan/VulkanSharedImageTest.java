package io.jimagecuda.gl.vulkan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.cpu.Px;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.CudaStorage;
import io.jimagecuda.internal.cuda.interop.ExternalMemory;
import io.jimagecuda.parity.GpuOnly;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vulkan-owned image written by CUDA surface stores, read back through Vulkan (GPU machine). */
@GpuOnly
class VulkanSharedImageTest {
  private static CudaBackend cuda;

  @BeforeAll
  static void needsCuda() {
    cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
  }

  @ParameterizedTest(name = "{0}x{1} flip={2}")
  @CsvSource({"1,1,0", "1001,777,0", "1001,777,1", "2560,1440,0"})
  void cudaSurfaceStoresLandInTheVulkanImage(int w, int h, int flip) {
    byte[] frame = new byte[w * h * 4];
    new Random(w * 31L + h).nextBytes(frame);
    CudaStorage src = (CudaStorage) cuda.allocate(PixelFormat.U8, (long) w * h);
    try (VulkanSharedImage vk = VulkanSharedImage.create(cuda.uuid(), w, h)) {
      try (ExternalMemory ext = ExternalMemory.importFd(cuda, vk.exportFd(), vk.memorySize(), true)) {
        long surface = ext.mapSurfaceRgba8(w, h);
        cuda.uploadBytes(src, frame, 0, frame.length);
        cuda.kernel("present_u8_to_surface", w, h).ptr(surface).ptr(src).i32(w).i32(h).i32(flip).launch();
        cuda.synchronize();
        byte[] back = vk.readback();
        assertArrayEquals(flip == 0 ? frame : flipRows(frame, w, h), back);
      }
    } finally {
      src.free();
    }
  }

  @Test
  void floatFramesAreConvertedLikeTheCpuBackend() {
    int w = 333;
    int h = 77;
    float[] frame = new float[w * h * 4];
    Random r = new Random(5);
    for (int i = 0; i < frame.length; i++) {
      frame[i] = r.nextFloat() * 1.4f - 0.2f;
    }
    byte[] expected = new byte[frame.length];
    for (int i = 0; i < frame.length; i++) {
      expected[i] = (byte) Px.toU8(frame[i]);
    }
    CudaStorage src = (CudaStorage) cuda.allocate(PixelFormat.F32, (long) w * h);
    try (VulkanSharedImage vk = VulkanSharedImage.create(cuda.uuid(), w, h)) {
      try (ExternalMemory ext = ExternalMemory.importFd(cuda, vk.exportFd(), vk.memorySize(), true)) {
        cuda.uploadFloats(src, frame, 0, frame.length);
        cuda.kernel("present_float_to_surface", w, h).ptr(ext.mapSurfaceRgba8(w, h)).ptr(src).i32(w).i32(h).i32(0)
            .launch();
        cuda.synchronize();
        assertArrayEquals(expected, vk.readback());
      }
    } finally {
      src.free();
    }
  }

  @Test
  void closedImageRefusesUseAndClosesOnce() {
    VulkanSharedImage vk = VulkanSharedImage.create(cuda.uuid(), 4, 4);
    assertTrue(vk.memorySize() >= 64);
    vk.close();
    vk.close();
    assertEquals("VulkanSharedImage has been closed",
        assertThrows(IllegalStateException.class, vk::exportFd).getMessage());
  }

  @Test
  void anUnknownDeviceUuidIsAClearError() {
    VulkanException e = assertThrows(VulkanException.class, () -> VulkanSharedImage.create(new byte[16], 4, 4));
    assertTrue(e.getMessage().startsWith("No Vulkan device matches the CUDA device's UUID"), e.getMessage());
  }

  private static byte[] flipRows(byte[] a, int w, int h) {
    byte[] out = new byte[a.length];
    for (int y = 0; y < h; y++) {
      System.arraycopy(a, y * w * 4, out, (h - 1 - y) * w * 4, w * 4);
    }
    return out;
  }
}
