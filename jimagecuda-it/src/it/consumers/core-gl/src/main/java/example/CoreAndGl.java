package example;

import io.jimagecuda.Fill;
import io.jimagecuda.Image;
import io.jimagecuda.Images;
import io.jimagecuda.gl.GLResource;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.context.GlfwContext;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * With jimagecuda-gl: the GL module's API classes load and link (no display needed), the present paths are
 * listed, and an image renders on the CPU backend. lwjgl-vulkan is not on the class path (it is optional).
 */
public class CoreAndGl {
  public static void main(String[] args) throws Exception {
    for (Class<?> api : new Class<?>[] {GLResource.class, Presenter.class, EglContext.class, GlfwContext.class}) {
      Class.forName(api.getName(), true, CoreAndGl.class.getClassLoader());
    }
    String paths = Arrays.toString(PresentPath.values());
    check(paths.contains("VULKAN_SHARED_TEXTURE") && paths.contains("CPU_UPLOAD"), "present paths " + paths);
    Path out = Path.of(args[0], "core-gl.png");
    try (Image img = new Image(256, 256)) {
      Fill.checkerboard(img, 32);
      Images.save(img, out);
    }
    boolean natives = false;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      check(!entry.contains("lwjgl-vulkan"), "lwjgl-vulkan is optional, not inherited: " + entry);
      natives |= entry.contains("lwjgl-opengl-") && entry.contains("natives-");
    }
    check(natives, "the natives this project declares are on its class path");
    System.out.println("core+gl consumer OK: " + paths + ", " + out);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("core+gl consumer: " + what);
    }
  }
}
