package io.jimagecuda.internal.cuda.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.CudaStorage;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import io.jimagecuda.parity.GpuOnly;
import java.util.Random;
import org.lwjgl.system.linux.UNISTD;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exportable CUDA memory re-imported through its fd aliases the same bytes (GPU machine). */
@GpuOnly
class ExportableMemoryTest {
  private static CudaBackend cuda;

  @BeforeAll
  static void needsCuda() {
    cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    Assumptions.assumeTrue(ExportableMemory.supported() && ExternalMemory.supported(), "driver lacks VMM/external memory");
  }

  @Test
  void exportedFdImportsAsTheSameMemory() {
    int w = 1001;
    int h = 777;
    int bytes = w * h * 4;
    byte[] pattern = new byte[bytes];
    new Random(11).nextBytes(pattern);
    CudaStorage src = (CudaStorage) cuda.allocate(PixelFormat.U8, (long) w * h);
    CudaStorage back = (CudaStorage) cuda.allocate(PixelFormat.U8, (long) w * h);
    try (ExportableMemory mem = ExportableMemory.allocate(cuda, bytes)) {
      assertTrue(mem.size() >= bytes);
      int fd = mem.exportFd();
      assertTrue(fd >= 0);
      try (ExternalMemory ext = ExternalMemory.importFd(cuda, fd, mem.size(), false)) {
        long alias = ext.mapBuffer(0, bytes);
        cuda.uploadBytes(src, pattern, 0, bytes);
        CudaCall.check("copy in", CU.ncuMemcpyDtoDAsync(mem.ptr(), src.ptr(), bytes, cuda.stream()));
        CudaCall.check("copy out", CU.ncuMemcpyDtoDAsync(back.ptr(), alias, bytes, cuda.stream()));
        byte[] out = new byte[bytes];
        cuda.downloadBytes(back, out, 0, bytes);
        assertArrayEquals(pattern, out);
      }
    } finally {
      src.free();
      back.free();
    }
  }

  @Test
  void freedMemoryRefusesUse() {
    ExportableMemory mem = ExportableMemory.allocate(cuda, 4096);
    mem.free();
    mem.free();
    IllegalStateException e = assertThrows(IllegalStateException.class, mem::exportFd);
    assertEquals("ExportableMemory has been freed", e.getMessage());
  }

  @Test
  void repeatedAllocateFreeDoesNotLeak() {
    cuda.synchronize();
    long before = cuda.freeMemory();
    for (int i = 0; i < 200; i++) {
      try (ExportableMemory mem = ExportableMemory.allocate(cuda, 64L << 20)) {
        assertEquals(0, UNISTD.close(null, mem.exportFd())); // an fd nobody imports must be closed
      }
    }
    long after = cuda.freeMemory();
    assertTrue(before - after < (256L << 20), "leaked " + (before - after) + " bytes");
  }
}
