package io.jimagecuda.gl;

import io.jimagecuda.ImageBase;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.internal.Textures;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL15;
import org.lwjgl.opengl.GL21;

/**
 * The seed's pipeline as a {@link Presenter}: a pixel buffer written through a {@link GLResource} (either
 * of its paths), then {@code glTexSubImage2D} from the bound buffer into the texture.
 */
final class PboPresenter extends AbstractPresenter {
  private final int pbo;
  private final int texture;
  private final GLResource resource;

  PboPresenter(int width, int height, PresentPath path) {
    super(width, height, null);
    GlCheck.clear();
    pbo = GL15.glGenBuffers();
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
    GL15.glBufferData(GL21.GL_PIXEL_UNPACK_BUFFER, (long) width * height * 4, GL15.GL_STREAM_DRAW);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
    GlCheck.check("Presenter: creating a " + width + "x" + height + " pixel buffer");
    int tex = 0;
    GLResource res = null;
    try {
      tex = Textures.rgba8(width, height);
      res = new GLResource(pbo, path);
    } catch (RuntimeException e) {
      GL11.glDeleteTextures(tex);
      GL15.glDeleteBuffers(pbo);
      throw e;
    }
    texture = tex;
    resource = res;
  }

  @Override
  public PresentPath path() {
    return resource.path();
  }

  @Override
  public String pathReason() {
    return resource.pathReason();
  }

  @Override
  void write(ImageBase frame) {
    if (frame instanceof ImageU8 u8) {
      resource.copyFrom(u8, false);
    } else {
      resource.copyFrom((Image) frame, false);
    }
    upload();
  }

  /** glTexSubImage2D from the PBO: a GPU-side copy, ordered after the unmap of the CUDA path. */
  private void upload() {
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, texture);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
    GL11.glPixelStorei(GL11.GL_UNPACK_ALIGNMENT, 1);
    GL11.glPixelStorei(GL11.GL_UNPACK_ROW_LENGTH, 0);
    GL11.glTexSubImage2D(GL11.GL_TEXTURE_2D, 0, 0, 0, width, height, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 0L);
    GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, 0);
    GlCheck.check("Presenter.present: glTexSubImage2D from PBO " + pbo);
  }

  @Override
  public int texture() {
    return texture;
  }

  @Override
  void release() {
    try {
      resource.free();
    } finally {
      GL11.glDeleteTextures(texture);
      GL15.glDeleteBuffers(pbo);
    }
  }
}
