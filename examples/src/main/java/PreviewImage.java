import static org.lwjgl.opengl.GL30.*;

import io.jimagecuda.*;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.context.GlfwContext;
import java.nio.file.Path;
import org.lwjgl.glfw.GLFW;

/**
 * A window showing your own image: java -cp 'lib/*' PreviewImage.java photo.jpg [frames]
 * The image is blurred a little more every frame; the presenter brings each frame from CUDA to OpenGL on
 * the fastest present path (or through host memory on the CPU backend). Close the window or press Esc.
 */
public class PreviewImage {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: PreviewImage IMAGE [FRAMES]");
      System.exit(2);
    }
    long frames = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
    try (Image original = Images.load(Path.of(args[0]));
         Image shown = new Image(original.width(), original.height());
         GlfwContext window = GlfwContext.open(original.width(), original.height(), args[0]);
         Presenter presenter = Presenter.create(original.width(), original.height())) {
      System.out.println(presenter.path() + ": " + presenter.pathReason());
      int fbo = glGenFramebuffers();
      glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
      glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, presenter.texture(), 0);
      for (long frame = 0; frame < frames && !window.shouldClose(); frame++) {
        GLFW.glfwPollEvents();
        if (GLFW.glfwGetKey(window.window(), GLFW.GLFW_KEY_ESCAPE) == GLFW.GLFW_PRESS) {
          break;
        }
        int radius = (int) (frame / 10 % 20);              // 0..19, two seconds per step at 60 Hz / 10
        if (radius == 0) {
          Images.copy(shown, original);
        } else {
          Filter.gaussianBlurInto(shown, original, radius);
        }
        presenter.present(shown);                          // frame -> the presenter's texture
        glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, presenter.texture(), 0);
        int[] size = window.framebufferSize();
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        // row 0 of the image is its top: flip while copying to the window
        glBlitFramebuffer(0, 0, shown.width(), shown.height(), 0, size[1], size[0], 0, GL_COLOR_BUFFER_BIT, GL_LINEAR);
        window.swapBuffers();
      }
      glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
      glDeleteFramebuffers(fbo);
    }
  }
}
