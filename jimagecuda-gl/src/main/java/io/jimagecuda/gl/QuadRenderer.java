package io.jimagecuda.gl;

import io.jimagecuda.gl.internal.GlCheck;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL13;
import org.lwjgl.opengl.GL14;
import org.lwjgl.opengl.GL20;
import org.lwjgl.opengl.GL30;

/**
 * Draws a frame's texture (a {@link Presenter#texture()}, top row first) into the current framebuffer:
 * the one piece of OpenGL a preview needs after {@link Presenter#present}. OpenGL 3.3 shaders and a vertex
 * array object, so it runs in core and compatibility profiles alike; the full-viewport triangle is made
 * from {@code gl_VertexID} (no vertex buffer).
 *
 * <p>Two ways to draw:
 * <ul>
 *   <li>{@link #draw(int, boolean, boolean)} stretches the texture over the whole viewport (a window whose
 *       framebuffer has the frame's size), optionally blended over a checkerboard anchored at the
 *       framebuffer's lower-left corner.</li>
 *   <li>{@link #drawPlaced} places the image at a zoom and offset (pan and zoom of an image viewer):
 *       screen pixel {@code (sx, sy)} (from the viewport's top-left corner) shows image pixel
 *       {@code floor((sx + 0.5 - originX) / scale), floor((sy + 0.5 - originY) / scale)}, blended with its
 *       alpha over a checkerboard of {@value #CELL}-pixel cells anchored at the image's top-left corner;
 *       pixels outside the image get the background colour. {@code io.jimagecuda.gl.swing.PreviewPanel}
 *       draws this way, and its Java2D fallback computes the very same pixels.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Presenter p = Presenter.create(w, h); QuadRenderer quad = new QuadRenderer()) {
 *   p.present(frame);
 *   GL11.glViewport(0, 0, w, h);
 *   quad.draw(p.texture(), true, true);      // the frame, upright, over a checkerboard
 * }
 * }</pre>
 *
 * <p>Create, use and close it on the thread where its OpenGL context is current.
 */
public final class QuadRenderer implements AutoCloseable {
  private static final String VERTEX = """
      #version 330 core
      uniform bool flipY;
      out vec2 uv;
      void main() {
        vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
        uv = vec2(p.x, flipY ? 1.0 - p.y : p.y);
        gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
      }
      """;
  private static final String FRAGMENT = """
      #version 330 core
      uniform sampler2D frame;
      uniform int mode;
      uniform int cell;
      uniform vec4 light;
      uniform vec4 dark;
      uniform vec2 origin;
      uniform float scale;
      uniform ivec2 size;
      uniform float viewHeight;
      uniform vec4 background;
      in vec2 uv;
      out vec4 color;
      void main() {
        if (mode == 1) {
          ivec2 c = ivec2(gl_FragCoord.xy) / cell;
          color = ((c.x + c.y) & 1) == 0 ? light : dark;
        } else if (mode == 2) {
          vec2 s = vec2(gl_FragCoord.x, viewHeight - gl_FragCoord.y) - origin;
          vec2 q = s / scale;
          if (q.x < 0.0 || q.y < 0.0 || q.x >= float(size.x) || q.y >= float(size.y)) {
            color = background;
          } else {
            vec4 t = texelFetch(frame, ivec2(floor(q)), 0);
            ivec2 c = ivec2(floor(s / float(cell)));
            vec4 board = ((c.x + c.y) & 1) == 0 ? light : dark;
            color = vec4(t.rgb * t.a + board.rgb * (1.0 - t.a), 1.0);
          }
        } else {
          color = texture(frame, uv);
        }
      }
      """;

  /** Checkerboard cell size in screen pixels. */
  public static final int CELL = 16;
  /** The light checkerboard colour, 8-bit grey (204, 204, 204). */
  public static final int LIGHT = 204;
  /** The dark checkerboard colour, 8-bit grey (153, 153, 153). */
  public static final int DARK = 153;

  private final int program;
  private final int vao;
  private final int flipY;
  private final int mode;
  private final int origin;
  private final int scale;
  private final int size;
  private final int viewHeight;
  private final int background;
  private boolean closed;

  /**
   * Compiles the shader program.
   *
   * @throws IllegalStateException if no OpenGL 3.3 context is current (the message has the compiler's log)
   */
  public QuadRenderer() {
    int vs = shader(GL20.GL_VERTEX_SHADER, VERTEX);
    int fs;
    try {
      fs = shader(GL20.GL_FRAGMENT_SHADER, FRAGMENT);
    } catch (RuntimeException e) {
      GL20.glDeleteShader(vs);
      throw e;
    }
    program = GL20.glCreateProgram();
    GL20.glAttachShader(program, vs);
    GL20.glAttachShader(program, fs);
    GL20.glLinkProgram(program);
    GL20.glDeleteShader(vs);
    GL20.glDeleteShader(fs);
    if (GL20.glGetProgrami(program, GL20.GL_LINK_STATUS) == 0) {
      String log = GL20.glGetProgramInfoLog(program);
      GL20.glDeleteProgram(program);
      throw new IllegalStateException("QuadRenderer: linking the shader program failed: " + log);
    }
    vao = GL30.glGenVertexArrays();
    flipY = GL20.glGetUniformLocation(program, "flipY");
    mode = GL20.glGetUniformLocation(program, "mode");
    origin = GL20.glGetUniformLocation(program, "origin");
    scale = GL20.glGetUniformLocation(program, "scale");
    size = GL20.glGetUniformLocation(program, "size");
    viewHeight = GL20.glGetUniformLocation(program, "viewHeight");
    background = GL20.glGetUniformLocation(program, "background");
    GL20.glUseProgram(program);
    GL20.glUniform1i(GL20.glGetUniformLocation(program, "frame"), 0);
    GL20.glUniform1i(GL20.glGetUniformLocation(program, "cell"), CELL);
    GL20.glUniform4f(GL20.glGetUniformLocation(program, "light"), LIGHT / 255f, LIGHT / 255f, LIGHT / 255f, 1);
    GL20.glUniform4f(GL20.glGetUniformLocation(program, "dark"), DARK / 255f, DARK / 255f, DARK / 255f, 1);
    GL20.glUseProgram(0);
    GlCheck.check("QuadRenderer: creating the shader program", "an OpenGL 3.3 context is needed");
  }

  private static int shader(int type, String source) {
    int s = GL20.glCreateShader(type);
    GL20.glShaderSource(s, source);
    GL20.glCompileShader(s);
    if (GL20.glGetShaderi(s, GL20.GL_COMPILE_STATUS) == 0) {
      String log = GL20.glGetShaderInfoLog(s);
      GL20.glDeleteShader(s);
      throw new IllegalStateException("QuadRenderer: compiling a shader failed (OpenGL 3.3 needed): " + log);
    }
    return s;
  }

  /**
   * Draws {@code texture} stretched over the viewport.
   *
   * @param texture a {@code GL_TEXTURE_2D}
   * @param flip draw the texture's first row at the top (images are stored top row first)
   * @param overCheckerboard draw a checkerboard first and blend the texture over it with its alpha
   *     (straight alpha: {@code src·a + dst·(1 − a)}); otherwise the texture replaces the pixels
   * @throws IllegalStateException if the renderer was closed
   * @throws GlException if OpenGL reports an error
   */
  public void draw(int texture, boolean flip, boolean overCheckerboard) {
    requireOpen();
    GL20.glUseProgram(program);
    GL30.glBindVertexArray(vao);
    GL11.glDisable(GL11.GL_DEPTH_TEST);
    if (overCheckerboard) {
      GL20.glUniform1i(mode, 1);
      GL11.glDisable(GL11.GL_BLEND);
      GL11.glDrawArrays(GL11.GL_TRIANGLES, 0, 3);
      GL11.glEnable(GL11.GL_BLEND);
      GL14.glBlendFuncSeparate(GL11.GL_SRC_ALPHA, GL11.GL_ONE_MINUS_SRC_ALPHA, GL11.GL_ONE, GL11.GL_ONE_MINUS_SRC_ALPHA);
    } else {
      GL11.glDisable(GL11.GL_BLEND);
    }
    GL20.glUniform1i(mode, 0);
    GL20.glUniform1i(flipY, flip ? 1 : 0);
    drawTriangle(texture);
    GL11.glDisable(GL11.GL_BLEND);
    GlCheck.check("QuadRenderer.draw(texture " + texture + ")");
  }

  /**
   * Draws an image of {@code imageWidth × imageHeight} (its texture top row first) placed in the current
   * viewport of {@code viewportWidth × viewportHeight} pixels, at {@code scale} screen pixels per image pixel,
   * its top-left corner at {@code (originX, originY)} screen pixels from the viewport's top-left corner; the
   * image is blended over a checkerboard, the rest of the viewport gets {@code backgroundRgb}. Every pixel
   * of the viewport is written. Image pixels are picked by nearest neighbour (see the class description).
   *
   * @param texture the image's {@code GL_TEXTURE_2D}, at least {@code imageWidth × imageHeight}
   * @param imageWidth the image width in pixels
   * @param imageHeight the image height in pixels
   * @param scale screen pixels per image pixel, greater than 0
   * @param originX the image's left edge in screen pixels from the viewport's left edge
   * @param originY the image's top edge in screen pixels from the viewport's top edge
   * @param viewportWidth the viewport width in pixels (as set with {@code glViewport(0, 0, w, h)})
   * @param viewportHeight the viewport height in pixels
   * @param backgroundRgb the colour around the image, {@code 0xRRGGBB}
   * @throws IllegalArgumentException if a size is below 1 or the scale is not a positive finite number
   * @throws IllegalStateException if the renderer was closed
   * @throws GlException if OpenGL reports an error
   */
  public void drawPlaced(int texture, int imageWidth, int imageHeight, double scale, double originX,
      double originY, int viewportWidth, int viewportHeight, int backgroundRgb) {
    requireOpen();
    if (imageWidth < 1 || imageHeight < 1 || viewportWidth < 1 || viewportHeight < 1) {
      throw new IllegalArgumentException("QuadRenderer.drawPlaced: image " + imageWidth + "x" + imageHeight
          + " and viewport " + viewportWidth + "x" + viewportHeight + " must be at least 1x1");
    }
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("QuadRenderer.drawPlaced: scale must be a positive finite number, got "
          + scale);
    }
    GL20.glUseProgram(program);
    GL30.glBindVertexArray(vao);
    GL11.glDisable(GL11.GL_DEPTH_TEST);
    GL11.glDisable(GL11.GL_BLEND);
    GL20.glUniform1i(mode, 2);
    GL20.glUniform1i(flipY, 0);
    GL20.glUniform2f(origin, (float) originX, (float) originY);
    GL20.glUniform1f(this.scale, (float) scale);
    GL20.glUniform2i(size, imageWidth, imageHeight);
    GL20.glUniform1f(viewHeight, viewportHeight);
    GL20.glUniform4f(background, ((backgroundRgb >> 16) & 0xFF) / 255f, ((backgroundRgb >> 8) & 0xFF) / 255f,
        (backgroundRgb & 0xFF) / 255f, 1f);
    drawTriangle(texture);
    GlCheck.check("QuadRenderer.drawPlaced(texture " + texture + ")");
  }

  private void drawTriangle(int texture) {
    GL13.glActiveTexture(GL13.GL_TEXTURE0);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, texture);
    GL11.glDrawArrays(GL11.GL_TRIANGLES, 0, 3);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, 0);
    GL30.glBindVertexArray(0);
    GL20.glUseProgram(0);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("QuadRenderer: the renderer was closed");
    }
  }

  /** Deletes the program and the vertex array; calling it again does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      GL30.glDeleteVertexArrays(vao);
      GL20.glDeleteProgram(program);
    }
  }
}
