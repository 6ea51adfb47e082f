package io.jimagecuda.gl.examples;

import static org.lwjgl.glfw.GLFW.glfwCreateWindow;
import static org.lwjgl.glfw.GLFW.glfwDestroyWindow;
import static org.lwjgl.glfw.GLFW.glfwGetFramebufferSize;
import static org.lwjgl.glfw.GLFW.glfwInit;
import static org.lwjgl.glfw.GLFW.glfwMakeContextCurrent;
import static org.lwjgl.glfw.GLFW.glfwPollEvents;
import static org.lwjgl.glfw.GLFW.glfwSetWindowShouldClose;
import static org.lwjgl.glfw.GLFW.glfwSwapBuffers;
import static org.lwjgl.glfw.GLFW.glfwSwapInterval;
import static org.lwjgl.glfw.GLFW.glfwTerminate;
import static org.lwjgl.glfw.GLFW.glfwWindowShouldClose;
import static org.lwjgl.opengl.GL11.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11.GL_LINEAR;
import static org.lwjgl.opengl.GL11.GL_RGBA;
import static org.lwjgl.opengl.GL11.GL_RGBA8;
import static org.lwjgl.opengl.GL11.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL11.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL11.GL_TRIANGLE_STRIP;
import static org.lwjgl.opengl.GL11.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11.glBegin;
import static org.lwjgl.opengl.GL11.glBindTexture;
import static org.lwjgl.opengl.GL11.glClear;
import static org.lwjgl.opengl.GL11.glDeleteTextures;
import static org.lwjgl.opengl.GL11.glDisable;
import static org.lwjgl.opengl.GL11.glEnable;
import static org.lwjgl.opengl.GL11.glEnd;
import static org.lwjgl.opengl.GL11.glGenTextures;
import static org.lwjgl.opengl.GL11.glTexCoord2f;
import static org.lwjgl.opengl.GL11.glTexImage2D;
import static org.lwjgl.opengl.GL11.glTexParameteri;
import static org.lwjgl.opengl.GL11.glTexSubImage2D;
import static org.lwjgl.opengl.GL11.glVertex2f;
import static org.lwjgl.opengl.GL11.glViewport;
import static org.lwjgl.opengl.GL15.GL_STREAM_DRAW;
import static org.lwjgl.opengl.GL15.glBindBuffer;
import static org.lwjgl.opengl.GL15.glBufferData;
import static org.lwjgl.opengl.GL15.glDeleteBuffers;
import static org.lwjgl.opengl.GL15.glGenBuffers;
import static org.lwjgl.opengl.GL21.GL_PIXEL_UNPACK_BUFFER;

import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.Rgba;
import io.jimagecuda.gl.GLResource;
import io.jimagecuda.gl.context.GlEnvironment;
import java.nio.ByteBuffer;
import org.lwjgl.opengl.GL;

/**
 * PyImageCUDA's minimal OpenGL example, line for line in Java: a GLFW window, a PBO of w·h·4 bytes, a
 * texture, a {@link GLResource}, an {@link Image} and an {@link ImageU8} reused every frame,
 * {@code Fill.gradient}, {@code convertFloatToU8}, {@code copyFrom}, {@code glTexSubImage2D} from the PBO
 * and a fullscreen quad (compatibility profile, fixed function, as in the original).
 *
 * <p>Run: {@code java -cp ... io.jimagecuda.gl.examples.MinimalPreview [frames]}; with a frame count it
 * closes by itself after that many frames. It uses the CUDA path when CUDA runs and the OpenGL context is
 * on the same GPU, otherwise the CPU path, and prints which.
 */
public final class MinimalPreview {
  private MinimalPreview() {
  }

  /**
   * Runs the example.
   *
   * @param args optionally the number of frames after which it exits
   */
  public static void main(String[] args) {
    final int W = 1280;
    final int H = 720;
    long maxFrames = args.length > 0 ? Long.parseLong(args[0]) : Long.MAX_VALUE;

    // 0. Before GLFW starts: avoid NVIDIA's driver profile for liblwjgl.so (see GlEnvironment)
    GlEnvironment.prepare();

    // 1. Create OpenGL window
    if (!glfwInit()) {
      throw new IllegalStateException("glfwInit failed: is there a display?");
    }
    long window = glfwCreateWindow(W, H, "JImageCUDA Preview", 0L, 0L);
    if (window == 0L) {
      glfwTerminate();
      throw new IllegalStateException("glfwCreateWindow failed");
    }
    glfwMakeContextCurrent(window);
    GL.createCapabilities();
    glfwSwapInterval(1); // vsync

    // 2. Create PBO (Pixel Buffer Object). Size = W * H * 4 (RGBA uint8)
    int pbo = glGenBuffers();
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
    glBufferData(GL_PIXEL_UNPACK_BUFFER, (long) W * H * 4, GL_STREAM_DRAW);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);

    // 3. Create OpenGL texture for display
    int tex = glGenTextures();
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, W, H, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);

    // 4. Register PBO with CUDA (one-time setup)
    GLResource glRes = new GLResource(pbo);
    System.out.println(glRes + ": " + glRes.pathReason());

    // 5. JImageCUDA buffers (reused every frame)
    Image canvas = new Image(W, H);
    ImageU8 canvasU8 = new ImageU8(W, H);

    // Render loop
    for (long frame = 0; !glfwWindowShouldClose(window); frame++) {
      glfwPollEvents();
      if (frame == maxFrames) {
        glfwSetWindowShouldClose(window, true);
      }

      // --- Generate the frame on GPU ---
      Fill.gradient(canvas, Rgba.rgb(1, 0, 0), Rgba.rgb(0, 0, 1), GradientDirection.RADIAL);

      // --- Convert float32 → uint8 (still on GPU) ---
      Images.convertFloatToU8(canvasU8, canvas);

      // --- Copy GPU buffer to PBO (zero-copy, GPU→GPU) ---
      glRes.copyFrom(canvasU8);

      // --- Upload PBO to texture ---
      glBindTexture(GL_TEXTURE_2D, tex);
      glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
      glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
      glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);

      // --- Draw the texture as a fullscreen quad ---
      int[] fbW = new int[1];
      int[] fbH = new int[1];
      glfwGetFramebufferSize(window, fbW, fbH);
      glViewport(0, 0, fbW[0], fbH[0]);
      glClear(GL_COLOR_BUFFER_BIT);
      glEnable(GL_TEXTURE_2D);
      glBindTexture(GL_TEXTURE_2D, tex);
      glBegin(GL_TRIANGLE_STRIP);
      // Y inverted to match image orientation
      glTexCoord2f(0, 1); glVertex2f(-1, -1);
      glTexCoord2f(1, 1); glVertex2f(1, -1);
      glTexCoord2f(0, 0); glVertex2f(-1, 1);
      glTexCoord2f(1, 0); glVertex2f(1, 1);
      glEnd();
      glDisable(GL_TEXTURE_2D);

      glfwSwapBuffers(window);
    }

    // Cleanup
    glRes.free();
    canvas.free();
    canvasU8.free();
    glDeleteTextures(tex);
    glDeleteBuffers(pbo);
    glfwDestroyWindow(window);
    glfwTerminate();
  }
}
