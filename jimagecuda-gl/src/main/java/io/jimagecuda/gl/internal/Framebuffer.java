package io.jimagecuda.gl.internal;

import java.nio.ByteBuffer;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL30;
import org.lwjgl.system.MemoryUtil;

/**
 * An offscreen RGBA8 render target (framebuffer object with a texture), for headless rendering and
 * for reading back what was drawn.
 */
public final class Framebuffer implements AutoCloseable {
  private final int width;
  private final int height;
  private final int fbo;
  private final int texture;

  /** Creates a {@code width × height} target; needs a current OpenGL 3.0 context. */
  public Framebuffer(int width, int height) {
    this.width = width;
    this.height = height;
    texture = Textures.rgba8(width, height);
    fbo = GL30.glGenFramebuffers();
    GL30.glBindFramebuffer(GL30.GL_FRAMEBUFFER, fbo);
    GL30.glFramebufferTexture2D(GL30.GL_FRAMEBUFFER, GL30.GL_COLOR_ATTACHMENT0, GL11.GL_TEXTURE_2D, texture, 0);
    int status = GL30.glCheckFramebufferStatus(GL30.GL_FRAMEBUFFER);
    GL30.glBindFramebuffer(GL30.GL_FRAMEBUFFER, 0);
    if (status != GL30.GL_FRAMEBUFFER_COMPLETE) {
      close();
      throw new IllegalStateException(String.format("Framebuffer %dx%d is incomplete: status 0x%X", width,
          height, status));
    }
    GlCheck.check("Framebuffer(" + width + "x" + height + ")");
  }

  /** Binds the target for drawing and sets the viewport to it. */
  public void bind() {
    GL30.glBindFramebuffer(GL30.GL_FRAMEBUFFER, fbo);
    GL11.glViewport(0, 0, width, height);
  }

  /** Binds the default framebuffer again. */
  public void unbind() {
    GL30.glBindFramebuffer(GL30.GL_FRAMEBUFFER, 0);
  }

  /**
   * Reads the target's pixels as RGBA bytes, top row first (OpenGL returns the bottom row first; the
   * rows are reversed here so that the result reads like an image).
   */
  public byte[] readTopDown() {
    ByteBuffer buf = MemoryUtil.memAlloc(width * height * 4);
    try {
      GL30.glBindFramebuffer(GL30.GL_READ_FRAMEBUFFER, fbo);
      GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
      GL11.glReadPixels(0, 0, width, height, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, buf);
      GL30.glBindFramebuffer(GL30.GL_READ_FRAMEBUFFER, 0);
      GlCheck.check("Framebuffer.readTopDown: glReadPixels " + width + "x" + height);
      byte[] out = new byte[width * height * 4];
      int row = width * 4;
      for (int y = 0; y < height; y++) {
        buf.position((height - 1 - y) * row);
        buf.get(out, y * row, row);
      }
      return out;
    } finally {
      MemoryUtil.memFree(buf);
    }
  }

  /** The colour texture. */
  public int texture() {
    return texture;
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  @Override
  public void close() {
    GL30.glDeleteFramebuffers(fbo);
    GL11.glDeleteTextures(texture);
  }
}
