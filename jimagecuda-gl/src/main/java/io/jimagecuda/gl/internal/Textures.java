package io.jimagecuda.gl.internal;

import java.nio.ByteBuffer;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL12;

/** Texture helpers. */
public final class Textures {
  private Textures() {
  }

  /**
   * Creates a {@code GL_RGBA8} 2D texture of {@code width × height} with nearest
   * filtering and edge clamping (frames are shown pixel for pixel), unbound afterwards.
   */
  public static int rgba8(int width, int height) {
    int tex = GL11.glGenTextures();
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, tex);
    GL11.glTexImage2D(GL11.GL_TEXTURE_2D, 0, GL11.GL_RGBA8, width, height, 0, GL11.GL_RGBA,
        GL11.GL_UNSIGNED_BYTE, (ByteBuffer) null);
    GL11.glTexParameteri(GL11.GL_TEXTURE_2D, GL11.GL_TEXTURE_MIN_FILTER, GL11.GL_NEAREST);
    GL11.glTexParameteri(GL11.GL_TEXTURE_2D, GL11.GL_TEXTURE_MAG_FILTER, GL11.GL_NEAREST);
    GL11.glTexParameteri(GL11.GL_TEXTURE_2D, GL11.GL_TEXTURE_WRAP_S, GL12.GL_CLAMP_TO_EDGE);
    GL11.glTexParameteri(GL11.GL_TEXTURE_2D, GL11.GL_TEXTURE_WRAP_T, GL12.GL_CLAMP_TO_EDGE);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, 0);
    GlCheck.check("creating a " + width + "x" + height + " RGBA8 texture",
        "the size may exceed GL_MAX_TEXTURE_SIZE or the GPU's memory");
    return tex;
  }
}
