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
final class PboPresenter implements Presenter {
  private final int width;
  private final int height;
  private final int pbo;
  private final int texture;
  private final GLResource resource;
  private boolean closed;

  PboPresenter(int width, int height, PresentPath path) {
    if (width < 1 || height < 1 || width > ImageBase.MAX_SIDE || height > ImageBase.MAX_SIDE) {
      throw new IllegalArgumentException("Presenter: size " + width + "x" + height + " is not in 1..32768");
    }
    this.width = width;
    this.height = height;
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
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  private void checkFrame(ImageBase frame) {
    if (closed) {
      throw new IllegalStateException("Presenter.present: the presenter was closed");
    }
    if (frame != null && (frame.width() != width || frame.height() != height)) {
      throw new IllegalArgumentException("Presenter.present: the frame is " + frame.width() + "x" + frame.height()
          + " but the presenter shows " + width + "x" + height);
    }
  }

  @Override
  public void present(ImageU8 frame) {
    checkFrame(frame);
    resource.copyFrom(frame, false);
    upload();
  }

  @Override
  public void present(Image frame) {
    checkFrame(frame);
    resource.copyFrom(frame, false);
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
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resource.free();
    } finally {
      GL11.glDeleteTextures(texture);
      GL15.glDeleteBuffers(pbo);
    }
  }

  @Override
  public String toString() {
    return "Presenter(" + width + "x" + height + ", " + resource.path() + (closed ? ", closed" : "") + ")";
  }
}
