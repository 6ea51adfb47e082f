package io.jimagecuda.gl.internal;

import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL13;
import org.lwjgl.opengl.GL14;
import org.lwjgl.opengl.GL20;
import org.lwjgl.opengl.GL30;

/**
 * Draws a texture over the whole viewport with nearest sampling, optionally flipped vertically and
 * alpha-blended over a checkerboard. OpenGL 3.3 shaders and a vertex array object, so it runs in core
 * and compatibility profiles alike. The fullscreen triangle is generated from {@code gl_VertexID}: no
 * vertex buffer.
 */
public final class TextureQuad implements AutoCloseable {
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
      in vec2 uv;
      out vec4 color;
      void main() {
        if (mode == 1) {
          ivec2 c = ivec2(gl_FragCoord.xy) / cell;
          color = ((c.x + c.y) & 1) == 0 ? light : dark;
        } else {
          color = texture(frame, uv);
        }
      }
      """;

  /** Checkerboard cell size in pixels. */
  public static final int CELL = 16;
  /** The light checkerboard colour, 8-bit RGB (204, 204, 204). */
  public static final int LIGHT = 204;
  /** The dark checkerboard colour, 8-bit RGB (153, 153, 153). */
  public static final int DARK = 153;

  private final int program;
  private final int vao;
  private final int flipY;
  private final int mode;

  /** Compiles the program; needs a current OpenGL 3.3 context. */
  public TextureQuad() {
    int vs = shader(GL20.GL_VERTEX_SHADER, VERTEX);
    int fs = shader(GL20.GL_FRAGMENT_SHADER, FRAGMENT);
    program = GL20.glCreateProgram();
    GL20.glAttachShader(program, vs);
    GL20.glAttachShader(program, fs);
    GL20.glLinkProgram(program);
    GL20.glDeleteShader(vs);
    GL20.glDeleteShader(fs);
    if (GL20.glGetProgrami(program, GL20.GL_LINK_STATUS) == 0) {
      String log = GL20.glGetProgramInfoLog(program);
      GL20.glDeleteProgram(program);
      throw new IllegalStateException("TextureQuad: linking the shader program failed: " + log);
    }
    vao = GL30.glGenVertexArrays();
    flipY = GL20.glGetUniformLocation(program, "flipY");
    mode = GL20.glGetUniformLocation(program, "mode");
    GL20.glUseProgram(program);
    GL20.glUniform1i(GL20.glGetUniformLocation(program, "frame"), 0);
    GL20.glUniform1i(GL20.glGetUniformLocation(program, "cell"), CELL);
    GL20.glUniform4f(GL20.glGetUniformLocation(program, "light"), LIGHT / 255f, LIGHT / 255f, LIGHT / 255f, 1);
    GL20.glUniform4f(GL20.glGetUniformLocation(program, "dark"), DARK / 255f, DARK / 255f, DARK / 255f, 1);
    GL20.glUseProgram(0);
    GlCheck.check("TextureQuad: creating the shader program", "an OpenGL 3.3 context is needed");
  }

  private static int shader(int type, String source) {
    int s = GL20.glCreateShader(type);
    GL20.glShaderSource(s, source);
    GL20.glCompileShader(s);
    if (GL20.glGetShaderi(s, GL20.GL_COMPILE_STATUS) == 0) {
      String log = GL20.glGetShaderInfoLog(s);
      GL20.glDeleteShader(s);
      throw new IllegalStateException("TextureQuad: compiling a shader failed (OpenGL 3.3 needed): " + log);
    }
    return s;
  }

  /**
   * Draws {@code texture} over the viewport.
   *
   * @param flip draw the texture's first row at the top (images are stored top row first)
   * @param overCheckerboard draw a checkerboard first and blend the texture over it with its alpha
   *     (straight alpha: {@code src·a + dst·(1 − a)}); otherwise the texture replaces the pixels
   */
  public void draw(int texture, boolean flip, boolean overCheckerboard) {
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
    GL13.glActiveTexture(GL13.GL_TEXTURE0);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, texture);
    GL11.glDrawArrays(GL11.GL_TRIANGLES, 0, 3);
    GL11.glBindTexture(GL11.GL_TEXTURE_2D, 0);
    GL11.glDisable(GL11.GL_BLEND);
    GL30.glBindVertexArray(0);
    GL20.glUseProgram(0);
    GlCheck.check("TextureQuad.draw(texture " + texture + ")");
  }

  @Override
  public void close() {
    GL30.glDeleteVertexArrays(vao);
    GL20.glDeleteProgram(program);
  }
}
