package io.jimagecuda.gl;

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
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.context.GlEnvironment;
import io.jimagecuda.gl.internal.Framebuffer;
import io.jimagecuda.internal.backend.Backends;
import io.jimagecuda.internal.cuda.CudaBackend;
import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.testing.JavaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lwjgl.opengl.GL15;

/**
 * GLResource and the presenters on an NVIDIA GPU through EGL's device platform. Skipped, with the
 * reason, where CUDA cannot run.
 */
@GpuOnly
class GLResourceGpuTest {
  private static EglContext gl;
  private static CudaBackend cuda;

  @BeforeAll
  static void open() {
    gl = EglContext.open();
    cuda = (CudaBackend) Backends.get(BackendKind.CUDA);
    System.out.println(gl.describe());
  }

  @AfterAll
  static void close() {
    if (gl != null) {
      gl.close();
    }
  }

  @Test
  void contextRunsOnTheCudaDeviceAndTheNameTrapIsDefused() {
    assertEquals(EglContext.Platform.NVIDIA_DEVICE, gl.platform());
    assertEquals(cuda.device(), gl.cudaDevice().orElse(-1), "EGL_CUDA_DEVICE_NV");
    assertTrue(GlEnvironment.trapLibrary().isPresent(), "LWJGL's liblwjgl.so is loaded in this process");
    assertEquals(GlEnvironment.FixState.APPLIED, GlEnvironment.state());
    int pbo = GLResourceTest.pbo(64);
    try (GLResource res = new GLResource(pbo)) {
      assertEquals(PresentPath.CUDA_MAPPED_PBO, res.path(), res.pathReason());
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void zeroCopyPathWithCpuHandOffIsPixelExactToo() {
    System.setProperty("jimagecuda.gl.semaphores", "false");
    try {
      everyPathIsPixelExact(PresentPath.VULKAN_SHARED_TEXTURE, 1001, 777);
      try (Presenter p = Presenter.create(8, 8, PresentPath.VULKAN_SHARED_TEXTURE)) {
        assertTrue(p.pathReason().contains("CPU hand-off"), p.pathReason());
      }
    } finally {
      System.clearProperty("jimagecuda.gl.semaphores");
    }
    try (Presenter p = Presenter.create(8, 8, PresentPath.VULKAN_SHARED_TEXTURE)) {
      assertTrue(p.pathReason().contains("GPU semaphores"), p.pathReason());
    }
  }

  @ParameterizedTest(name = "{0} {1}x{2}")
  @CsvSource({"VULKAN_SHARED_TEXTURE,1,1", "VULKAN_SHARED_TEXTURE,1001,777", "VULKAN_SHARED_TEXTURE,2560,1440",
      "CUDA_EXPORTED_BUFFER,1,1", "CUDA_EXPORTED_BUFFER,1001,777", "CUDA_EXPORTED_BUFFER,2560,1440",
      "CUDA_MAPPED_TEXTURE,1,1", "CUDA_MAPPED_TEXTURE,1001,777", "CUDA_MAPPED_TEXTURE,2560,1440",
      "CUDA_MAPPED_PBO,1,1", "CUDA_MAPPED_PBO,1001,777", "CUDA_MAPPED_PBO,2560,1440",
      "CPU_UPLOAD,1,1", "CPU_UPLOAD,1001,777", "CPU_UPLOAD,2560,1440"})
  void everyPathIsPixelExact(PresentPath path, int w, int h) {
    byte[] pixels = GLResourceTest.randomBytes(w * h * 4, w * 7L + h);
    float[] floats = new float[w * h * 4];
    Random r = new Random(w + 13L * h);
    for (int i = 0; i < floats.length; i++) {
      floats[i] = r.nextFloat() * 1.2f - 0.1f;
    }
    try (ImageU8 img = new ImageU8(w, h, BackendKind.CUDA); Image f = new Image(w, h, BackendKind.CUDA);
        ImageU8 converted = new ImageU8(w, h, BackendKind.CUDA);
        Presenter presenter = Presenter.create(w, h, path); Framebuffer target = new Framebuffer(w, h);
        QuadRenderer quad = new QuadRenderer()) {
      assertEquals(path, presenter.path());
      Images.upload(img, pixels);
      presenter.present(img);
      target.bind();
      quad.draw(presenter.texture(), true, false);
      target.unbind();
      assertArrayEquals(Images.download(img), target.readTopDown(), "8-bit frame");

      Images.upload(f, floats);
      Images.convertFloatToU8(converted, f);
      presenter.present(f);
      target.bind();
      quad.draw(presenter.texture(), true, false);
      target.unbind();
      assertArrayEquals(Images.download(converted), target.readTopDown(), "float frame converted into the buffer");

      // A third frame reuses the first slot of the two-slot rings (after their fence).
      byte[] third = GLResourceTest.randomBytes(w * h * 4, w * 11L + h);
      Images.upload(img, third);
      presenter.present(img);
      target.bind();
      quad.draw(presenter.texture(), true, false);
      target.unbind();
      assertArrayEquals(third, target.readTopDown(), "third frame");
    }
  }

  @Test
  void cudaPathRefusesImagesOfAnotherBackend() {
    int pbo = GLResourceTest.pbo(64);
    try (GLResource res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO);
        ImageU8 cpu = new ImageU8(4, 4, BackendKind.CPU)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> res.copyFrom(cpu));
      assertTrue(e.getMessage().contains("cpu backend") && e.getMessage().contains("CPU_UPLOAD"), e.getMessage());
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void cudaPathReportsAnImageLargerThanTheBuffer() {
    int pbo = GLResourceTest.pbo(100);
    try (GLResource res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO);
        ImageU8 img = new ImageU8(6, 5, BackendKind.CUDA); Image f = new Image(6, 5, BackendKind.CUDA)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> res.copyFrom(img));
      assertTrue(e.getMessage().contains("needs 120 bytes") && e.getMessage().contains("has 100 bytes"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> res.copyFrom(f));
      img.setLogicalSize(5, 5);
      res.copyFrom(img); // the buffer was unmapped after the refusal: it maps again
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void thousandRegisterFreeCyclesDoNotGrowDeviceMemory() {
    int pbo = GLResourceTest.pbo(1920L * 1080 * 4);
    try (ImageU8 img = new ImageU8(1920, 1080, BackendKind.CUDA)) {
      for (int i = 0; i < 10; i++) {
        try (GLResource res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO)) {
          res.copyFrom(img);
        }
      }
      long before = cuda.freeMemory();
      for (int i = 0; i < 1000; i++) {
        try (GLResource res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO)) {
          res.copyFrom(img, false);
        }
      }
      JImageCuda.synchronize(BackendKind.CUDA);
      long after = cuda.freeMemory();
      System.out.printf("1000 register/free cycles: free device memory %d -> %d bytes%n", before, after);
      assertTrue(before - after < (4L << 20), "device memory shrank by " + (before - after) + " bytes");
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void deletingTheBufferBeforeFreeGivesAClearError() {
    int pbo = GLResourceTest.pbo(64);
    try (ImageU8 img = new ImageU8(4, 4, BackendKind.CUDA)) {
      GLResource res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO);
      res.copyFrom(img);
      GL15.glDeleteBuffers(pbo);
      IllegalStateException copy = assertThrows(IllegalStateException.class, () -> res.copyFrom(img));
      assertTrue(copy.getMessage().contains("no longer exists"), copy.getMessage());
      IllegalStateException free = assertThrows(IllegalStateException.class, res::free);
      assertTrue(free.getMessage().contains("Free the GLResource first"), free.getMessage());
      assertTrue(res.isFreed());
    }
  }

  @Test
  void freeingAfterTheContextWasClosedDoesNotCrash() {
    EglContext second = EglContext.open();
    GLResource res;
    try {
      int pbo = GLResourceTest.pbo(64);
      res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO);
    } finally {
      second.close();
    }
    try {
      res.free();
      System.out.println("free() after the context was closed: unregistered without error");
    } catch (CudaException | IllegalStateException e) {
      System.out.println("free() after the context was closed: " + e.getMessage());
    }
    assertTrue(res.isFreed());
    gl.makeCurrent();
  }

  /** Runs {@link TrapProbe} in a fresh JVM (the driver reads the environment when it starts). */
  static ProbeResult probe(String jvmOption, String mode) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JavaProcess.java()));
    command.addAll(JavaProcess.quietOptions(false));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), jvmOption, TrapProbe.class.getName(), mode));
    ProcessBuilder pb = new ProcessBuilder(command);
    // This JVM has set the variable with libc's setenv (GlEnvironment); a child would inherit it and never
    // meet the trap. Naming it here makes Java build the child's environment from its own start-up copy.
    pb.environment().remove(GlEnvironment.VARIABLE);
    JavaProcess.Result r = JavaProcess.run(pb.redirectErrorStream(true), 120);
    return new ProbeResult(r.exit(), r.out());
  }

  record ProbeResult(int exit, String output) {
  }

  @Test
  void withTheFixTurnedOffError219ExplainsTheNameTrap() throws Exception {
    ProbeResult r = probe("-Djimagecuda.gl.threadedOptimizationsFix=false", "register");
    System.out.println(r.output());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("CUDA_ERROR_INVALID_GRAPHICS_CONTEXT") && r.output().contains("liblwjgl.so")
        && r.output().contains("jimagecuda.gl.threadedOptimizationsFix=false"), r.output());
  }

  @Test
  void aContextLeftOpenAtExitDoesNotCrashTheJvm() throws Exception {
    ProbeResult r = probe("-Djimagecuda.debug=false", "leak");
    assertEquals(0, r.exit(), "the JVM must exit cleanly with an EGL context left current: " + r.output());
    assertTrue(r.output().contains("left open"), r.output());
  }
}
