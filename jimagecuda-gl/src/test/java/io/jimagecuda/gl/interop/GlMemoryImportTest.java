package io.jimagecuda.gl.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jimagecuda.BackendKind;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.vulkan.VulkanSharedImage;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.backend.PixelFormat;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.internal.cuda.CudaStorage;
import io.jimagecuda.internal.cuda.driver.CU;
import io.jimagecuda.internal.cuda.driver.CudaCall;
import io.jimagecuda.internal.cuda.interop.ExportableMemory;
import io.jimagecuda.internal.cuda.interop.ExternalMemory;
import io.jimagecuda.parity.GpuOnly;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL15;
import org.lwjgl.opengl.GL21;
import org.lwjgl.opengl.GL45;
import org.lwjgl.system.MemoryUtil;

/** CUDA writes, OpenGL reads the same memory: Vulkan texture and exportable buffer (GPU machine). */
@GpuOnly
class GlMemoryImportTest {
  private static CudaBackend cuda;
  private static EglContext gl;

  @BeforeAll
  static void setUp() {
    cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    gl = EglContext.open(EglContext.Platform.NVIDIA_DEVICE);
    Assumptions.assumeTrue(GlMemoryImport.supported(), "no GL_EXT_memory_object_fd");
  }

  @AfterAll
  static void tearDown() {
    if (gl != null) {
      gl.close();
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "1001,777", "2560,1440"})
  void vulkanTextureWrittenByCudaIsReadByOpenGl(int w, int h) {
    byte[] frame = random(w * h * 4, w + h);
    CudaStorage src = (CudaStorage) cuda.allocate(PixelFormat.U8, (long) w * h);
    try (VulkanSharedImage vk = VulkanSharedImage.create(cuda.uuid(), w, h);
        ExternalMemory ext = ExternalMemory.importFd(cuda, vk.exportFd(), vk.memorySize(), true);
        GlMemoryImport tex = GlMemoryImport.texture(vk.exportFd(), vk.memorySize(), w, h)) {
      cuda.uploadBytes(src, frame, 0, frame.length);
      cuda.kernel("present_u8_to_surface", w, h).ptr(ext.mapSurfaceRgba8(w, h)).ptr(src).i32(w).i32(h).i32(0)
          .launch();
      cuda.synchronize();
      ByteBuffer back = MemoryUtil.memAlloc(frame.length);
      try {
        GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
        GL45.glGetTextureImage(tex.name(), 0, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, back);
        GlCheck.check("glGetTextureImage");
        byte[] out = new byte[frame.length];
        back.get(out);
        assertArrayEquals(frame, out);
      } finally {
        MemoryUtil.memFree(back);
      }
    } finally {
      src.free();
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "1001,777", "2560,1440"})
  void exportableBufferWrittenByCudaUploadsIntoATexture(int w, int h) {
    byte[] frame = random(w * h * 4, w * 7L + h);
    CudaStorage src = (CudaStorage) cuda.allocate(PixelFormat.U8, (long) w * h);
    int tex = GL11.glGenTextures();
    try (ExportableMemory mem = ExportableMemory.allocate(cuda, frame.length);
        GlMemoryImport buf = GlMemoryImport.buffer(mem.exportFd(), mem.size())) {
      cuda.uploadBytes(src, frame, 0, frame.length);
      CudaCall.check("copy", CU.ncuMemcpyDtoDAsync(mem.ptr(), src.ptr(), frame.length, cuda.stream()));
      cuda.synchronize();
      GL11.glBindTexture(GL11.GL_TEXTURE_2D, tex);
      GL11.glTexImage2D(GL11.GL_TEXTURE_2D, 0, GL11.GL_RGBA8, w, h, 0, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 0L);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, buf.name());
      GL11.glPixelStorei(GL11.GL_UNPACK_ALIGNMENT, 1);
      GL11.glTexSubImage2D(GL11.GL_TEXTURE_2D, 0, 0, 0, w, h, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 0L);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
      GlCheck.check("upload from the imported buffer");
      ByteBuffer back = MemoryUtil.memAlloc(frame.length);
      try {
        GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
        GL11.glGetTexImage(GL11.GL_TEXTURE_2D, 0, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, back);
        GlCheck.check("glGetTexImage");
        byte[] out = new byte[frame.length];
        back.get(out);
        assertArrayEquals(frame, out);
      } finally {
        MemoryUtil.memFree(back);
      }
    } finally {
      GL11.glDeleteTextures(tex);
      src.free();
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] a = new byte[n];
    new Random(seed).nextBytes(a);
    return a;
  }
}
