package io.jimagecuda.gl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.internal.Framebuffer;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lwjgl.opengl.GL15;
import org.lwjgl.opengl.GL21;
import org.lwjgl.system.MemoryUtil;

/**
 * GLResource and the PBO presenter on the CPU path, on a headless EGL context (Mesa's llvmpipe in CI):
 * pixels must arrive unchanged, and every misuse must fail with a clear message.
 */
class GLResourceTest {
  private static EglContext gl;

  @BeforeAll
  static void openContext() {
    gl = EglContext.open();
  }

  @AfterAll
  static void closeContext() {
    gl.close();
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static int pbo(long bytes) {
    int pbo = GL15.glGenBuffers();
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
    GL15.glBufferData(GL21.GL_PIXEL_UNPACK_BUFFER, bytes, GL15.GL_STREAM_DRAW);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
    return pbo;
  }

  static byte[] readBuffer(int pbo, int bytes) {
    ByteBuffer out = MemoryUtil.memAlloc(bytes);
    try {
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
      GL15.glGetBufferSubData(GL21.GL_PIXEL_UNPACK_BUFFER, 0, out);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
      byte[] b = new byte[bytes];
      out.get(b);
      return b;
    } finally {
      MemoryUtil.memFree(out);
    }
  }

  static boolean cudaAvailable() {
    return JImageCuda.isCudaAvailable();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1,1", "3,7", "1001,777"})
  void cpuPathIsPixelExactThroughBufferTextureAndFramebuffer(int w, int h) {
    byte[] pixels = randomBytes(w * h * 4, w * 31L + h);
    try (ImageU8 img = new ImageU8(w, h, BackendKind.CPU);
        Presenter presenter = Presenter.create(w, h, PresentPath.CPU_UPLOAD);
        Framebuffer target = new Framebuffer(w, h);
        QuadRenderer quad = new QuadRenderer()) {
      Images.upload(img, pixels);
      presenter.present(img);
      target.bind();
      quad.draw(presenter.texture(), true, false);
      target.unbind();
      assertArrayEquals(pixels, target.readTopDown(), "framebuffer differs from the uploaded image");
    }
  }

  @Test
  void automaticChoiceWithoutCudaIsTheCpuPath() {
    int pbo = pbo(16);
    try (GLResource res = new GLResource(pbo)) {
      if (!cudaAvailable()) {
        assertEquals(PresentPath.CPU_UPLOAD, res.path());
        assertTrue(res.pathReason().startsWith("CPU path"), res.pathReason());
      }
      assertEquals(pbo, res.pboId());
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void copyFromWritesTheLogicalAreaOfAResizedImage() {
    byte[] pixels = randomBytes(3 * 7 * 4, 5);
    int pbo = pbo(3 * 7 * 4 + 100);
    try (ImageU8 img = new ImageU8(10, 10, BackendKind.CPU); GLResource res = new GLResource(pbo, PresentPath.CPU_UPLOAD)) {
      img.setLogicalSize(3, 7);
      Images.upload(img, pixels);
      res.copyFrom(img);
      byte[] got = readBuffer(pbo, 3 * 7 * 4);
      assertArrayEquals(pixels, got);
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void copyFromFloatConvertsLikeConvertFloatToU8() {
    int w = 5;
    int h = 3;
    float[] values = new float[w * h * 4];
    float[] specials = {0f, 1f, -0.5f, 1.5f, Float.NaN, 0.5f / 255f, 127.5f / 255f, 0.2f, 254.5f / 255f};
    for (int i = 0; i < values.length; i++) {
      values[i] = specials[i % specials.length];
    }
    int pbo = pbo(w * h * 4);
    try (Image img = new Image(w, h, BackendKind.CPU); ImageU8 expected = new ImageU8(w, h, BackendKind.CPU);
        GLResource res = new GLResource(pbo, PresentPath.CPU_UPLOAD)) {
      Images.upload(img, values);
      Images.convertFloatToU8(expected, img);
      res.copyFrom(img);
      assertArrayEquals(Images.download(expected), readBuffer(pbo, w * h * 4));
      // a second, smaller float frame reuses the scratch image
      img.setLogicalSize(2, 2);
      res.copyFrom(img, false);
      Images.convertFloatToU8(expected, img);
      assertArrayEquals(Images.download(expected), readBuffer(pbo, 2 * 2 * 4));
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void invalidPboIdsAreRejected() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new GLResource(0));
    assertTrue(zero.getMessage().contains("invalid PBO id 0"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GLResource(-3));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new GLResource(987654));
    assertTrue(unknown.getMessage().contains("is not a buffer"), unknown.getMessage());
  }

  @Test
  void bufferWithoutStorageIsRejected() {
    int pbo = GL15.glGenBuffers();
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo); // exists now, but has no storage
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GLResource(pbo));
      assertTrue(e.getMessage().contains("has no storage"), e.getMessage());
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void noCurrentContextIsReported() throws InterruptedException {
    int pbo = pbo(16);
    try {
      CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
        try {
          new GLResource(pbo);
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      Throwable t = other.get();
      assertTrue(t instanceof IllegalStateException, String.valueOf(t));
      assertTrue(t.getMessage().contains("no OpenGL context is current"), t.getMessage());
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void imageLargerThanTheBufferNamesBothSizes() {
    int pbo = pbo(100);
    try (ImageU8 img = new ImageU8(6, 5, BackendKind.CPU); Image f = new Image(6, 5, BackendKind.CPU);
        GLResource res = new GLResource(pbo, PresentPath.CPU_UPLOAD)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> res.copyFrom(img));
      assertTrue(e.getMessage().contains("needs 120 bytes") && e.getMessage().contains("has 100 bytes"),
          e.getMessage());
      IllegalArgumentException ef = assertThrows(IllegalArgumentException.class, () -> res.copyFrom(f));
      assertTrue(ef.getMessage().contains("needs 120 bytes"), ef.getMessage());
      img.setLogicalSize(5, 5); // 100 bytes fit exactly
      res.copyFrom(img);
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void useAfterFreeAndFreedImagesAreRejected() {
    int pbo = pbo(64);
    try (ImageU8 img = new ImageU8(4, 4, BackendKind.CPU)) {
      GLResource res = new GLResource(pbo, PresentPath.CPU_UPLOAD);
      assertTrue(res.toString().contains("pbo " + pbo) && res.toString().contains("active")
          && res.toString().contains("CPU_UPLOAD"), res.toString());
      res.free();
      res.free(); // idempotent
      res.close();
      assertTrue(res.isFreed());
      assertTrue(res.toString().contains("freed"), res.toString());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> res.copyFrom(img));
      assertTrue(e.getMessage().contains("has been freed"), e.getMessage());

      GLResource live = new GLResource(pbo, PresentPath.CPU_UPLOAD);
      ImageU8 gone = new ImageU8(4, 4, BackendKind.CPU);
      gone.free();
      assertThrows(IllegalStateException.class, () -> live.copyFrom(gone));
      assertThrows(NullPointerException.class, () -> live.copyFrom((ImageU8) null));
      live.free();
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void deletingTheBufferFirstGivesAClearError() {
    int pbo = pbo(64);
    try (ImageU8 img = new ImageU8(4, 4, BackendKind.CPU)) {
      GLResource res = new GLResource(pbo, PresentPath.CPU_UPLOAD);
      GL15.glDeleteBuffers(pbo);
      IllegalStateException copy = assertThrows(IllegalStateException.class, () -> res.copyFrom(img));
      assertTrue(copy.getMessage().contains("no longer exists"), copy.getMessage());
      IllegalStateException free = assertThrows(IllegalStateException.class, res::free);
      assertTrue(free.getMessage().contains("Free the GLResource first"), free.getMessage());
      assertTrue(res.isFreed());
      res.free(); // nothing more to report
    }
  }

  @Test
  @DisabledIf(value = "cudaAvailable", disabledReason = "checks the refusal on a machine without CUDA")
  void cudaPathWithoutCudaIsRefused() {
    int pbo = pbo(16);
    try {
      BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
          () -> new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO));
      assertTrue(e.getMessage().contains("CUDA path was requested"), e.getMessage());
    } finally {
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Test
  void presenterRejectsFramesOfAnotherSize() {
    try (ImageU8 img = new ImageU8(3, 4, BackendKind.CPU)) {
      Presenter p = Presenter.create(4, 3, PresentPath.CPU_UPLOAD);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.present(img));
      assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("4x3"), e.getMessage());
      p.close();
      p.close(); // idempotent
      assertThrows(IllegalStateException.class, () -> p.present(img));
    }
  }
}
