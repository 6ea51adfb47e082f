package io.jimagecuda.gl.preview;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.CudaException;
import io.jimagecuda.Image;
import io.jimagecuda.ImageBase;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.context.GlfwContext;
import io.jimagecuda.gl.internal.Framebuffer;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.swing.PreviewWindow;
import io.jimagecuda.gl.QuadRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.opengl.GL11;

/**
 * The preview application: an animated scene made every frame, presented through a {@link Presenter}
 * and drawn Y-flipped and alpha-blended over a checkerboard.
 *
 * <p>In a window (GLFW): keys V (vsync on/off), P (next present path), Esc (close); the title shows the
 * size, present path, frames per second and vsync; resizing the window renders at the new size. With
 * {@code --headless} it renders through EGL into an offscreen framebuffer, saves the chosen frames as
 * PNG and prints frames per second. See {@link PreviewOptions#USAGE}.
 *
 * <p>To look at an image of your own, one line: {@link #show(ImageBase)} (a window with a
 * {@link io.jimagecuda.gl.swing.PreviewPanel}, returning when it is closed) or {@link #showAsync(ImageBase)}
 * (returning at once).
 *
 * <pre>{@code
 * Preview.show(image);
 * }</pre>
 */
public final class Preview {
  private final PreviewOptions options;
  private final PrintWriter log;
  private final PreviewScene scene = new PreviewScene();

  /**
   * A preview with these options, reporting to {@code log} (one line per event, flushed).
   *
   * @param options what to show and how
   * @param log where the preview reports
   */
  public Preview(PreviewOptions options, PrintWriter log) {
    this.options = options;
    this.log = log;
  }

  /**
   * A preview with these options, reporting to {@code log}.
   *
   * @param options what to show and how
   * @param log where the preview reports
   */
  public Preview(PreviewOptions options, PrintStream log) {
    this(options, new PrintWriter(log, true));
  }

  /**
   * Command-line entry point; exits with status 2 on bad arguments.
   *
   * @param args the options of {@link PreviewOptions#USAGE}
   */
  public static void main(String[] args) {
    PreviewOptions options;
    try {
      options = PreviewOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    new Preview(options, System.out).run();
  }

  /**
   * Shows {@code image} in a window (pan with the mouse, zoom with the wheel, F fit, 1 actual size) and
   * returns when the user closes it. The image is copied when the window opens; it stays the caller's.
   * If the calling thread is interrupted while waiting, the window is closed and the interrupt flag set.
   *
   * @param image an {@link Image} or {@link ImageU8} on any backend
   * @throws java.awt.HeadlessException if there is no display
   * @throws IllegalArgumentException if the image is null or freed
   */
  public static void show(ImageBase image) {
    PreviewWindow window = PreviewWindow.open(title(image), image);
    try {
      window.awaitClosed();
    } catch (InterruptedException e) {
      window.close();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Shows {@code image} in a window and returns at once; {@link PreviewWindow#show} shows later frames,
   * {@link PreviewWindow#close()} closes it. The image is copied before this returns.
   *
   * @param image an {@link Image} or {@link ImageU8} on any backend
   * @return the window
   * @throws java.awt.HeadlessException if there is no display
   * @throws IllegalArgumentException if the image is null or freed
   */
  public static PreviewWindow showAsync(ImageBase image) {
    return PreviewWindow.open(title(image), image);
  }

  private static String title(ImageBase image) {
    return image == null ? "JImageCUDA preview" : "JImageCUDA preview - " + image.width() + "x" + image.height();
  }

  /** Runs in a window or headless, as the options say; returns when done or the window is closed. */
  public void run() {
    if (options.headless) {
      runHeadless();
    } else {
      runWindow();
    }
  }

  private double sceneTime(double seconds) {
    return Double.isNaN(options.time) ? seconds : options.time;
  }

  /**
   * The fastest presenter ({@code path == null}), or one on the path that was asked for. An explicit path
   * that cannot run here is an error that says why ({@link BackendUnavailableException}: a user error, exit
   * code 2 in the CLI), never a silent fallback to another path.
   */
  private Presenter presenter(int w, int h, PresentPath path) {
    if (path == null) {
      return Presenter.create(w, h);
    }
    try {
      return Presenter.create(w, h, path);
    } catch (BackendUnavailableException | CudaException e) {
      throw new BackendUnavailableException("preview: the present path " + path + " was requested but cannot "
          + "run here: " + e.getMessage() + "; choose another path (auto picks the fastest that works)", e);
    }
  }

  // ---------------------------------------------------------------- headless

  private void runHeadless() {
    int w = options.width;
    int h = options.height;
    long frames = options.frames;
    try (EglContext gl = EglContext.open();
        Image frame = new Image(w, h);
        Presenter presenter = presenter(w, h, options.path);
        Framebuffer target = new Framebuffer(w, h);
        QuadRenderer quad = new QuadRenderer()) {
      log.println("preview: " + gl.describe());
      log.println("preview: " + presenter.path() + " (" + presenter.pathReason() + "), backend "
          + frame.backend().id());
      if (options.out != null) {
        Files.createDirectories(options.out);
      }
      long saving = 0;
      long start = System.nanoTime();
      for (long i = 0; i < frames; i++) {
        scene.render(frame, sceneTime(i / 60.0));
        presenter.present(frame);
        target.bind();
        quad.draw(presenter.texture(), true, true);
        target.unbind();
        boolean chosen = options.save.isEmpty() ? i == frames - 1 : options.save.contains(i);
        if (options.out != null && chosen) {
          long s = System.nanoTime();
          Path file = options.out.resolve(String.format("frame-%05d.png", i));
          try (ImageU8 pixels = new ImageU8(w, h, BackendKind.CPU)) {
            Images.upload(pixels, target.readTopDown());
            Images.saveU8(pixels, file);
          }
          log.println("preview: saved " + file);
          saving += System.nanoTime() - s;
        }
      }
      GL11.glFinish();
      GlCheck.check("preview: glFinish");
      double seconds = (System.nanoTime() - start - saving) / 1e9;
      log.println(String.format(Locale.ROOT, "preview: %d frames of %dx%d in %.3f s: %.1f frames per second (%s)",
          frames, w, h, seconds, frames / seconds, presenter.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("preview: cannot write to " + options.out, e);
    }
  }

  // ---------------------------------------------------------------- window

  private void runWindow() {
    try (GlfwContext win = GlfwContext.open(options.width, options.height, "JImageCUDA preview",
        GlfwContext.Profile.CORE); QuadRenderer quad = new QuadRenderer()) {
      log.println("preview: " + win.describe());
      if (options.position != null) {
        GLFW.glfwSetWindowPos(win.window(), options.position[0], options.position[1]);
      }
      WindowState s = new WindowState(win);
      GLFW.glfwSetKeyCallback(win.window(), (window, key, scancode, action, mods) -> {
        if (action != GLFW.GLFW_PRESS) {
          return;
        }
        switch (key) {
          case GLFW.GLFW_KEY_V -> s.toggleVsync = true;
          case GLFW.GLFW_KEY_P -> s.switchPath = true;
          case GLFW.GLFW_KEY_ESCAPE -> GLFW.glfwSetWindowShouldClose(window, true);
          default -> {
          }
        }
      });
      try {
        loop(win, quad, s);
      } finally {
        s.close();
        GLFW.glfwSetKeyCallback(win.window(), null).free();
      }
    }
  }

  /** What the window loop changes between frames. */
  private final class WindowState implements AutoCloseable {
    final GlfwContext win;
    Image frame;
    Presenter presenter;
    PresentPath requested = options.path;
    boolean vsync = options.vsync;
    volatile boolean toggleVsync;
    volatile boolean switchPath;

    WindowState(GlfwContext win) {
      this.win = win;
      win.swapInterval(vsync ? 1 : 0);
    }

    /** Makes the frame image and presenter match the framebuffer; false while the window is minimised. */
    boolean fit() {
      int[] fb = win.framebufferSize();
      if (fb[0] == 0 || fb[1] == 0) {
        return false;
      }
      if (frame == null || frame.capacity() < (long) fb[0] * fb[1]) {
        if (frame != null) {
          frame.free();
        }
        frame = new Image(fb[0], fb[1]);
      } else {
        frame.setLogicalSize(fb[0], fb[1]);
      }
      if (presenter == null || presenter.width() != fb[0] || presenter.height() != fb[1]) {
        PresentPath path = presenter == null ? requested : presenter.path();
        if (presenter != null) {
          presenter.close();
        }
        presenter = presenter(fb[0], fb[1], path);
        if (requested == null) {
          log.println("preview: " + presenter.path() + " (" + presenter.pathReason() + ")");
        }
      }
      return true;
    }

    void nextPath() {
      PresentPath[] all = PresentPath.values();
      PresentPath next = all[(presenter.path().ordinal() + 1) % all.length];
      Presenter p;
      try {
        p = Presenter.create(presenter.width(), presenter.height(), next);
      } catch (BackendUnavailableException | CudaException e) {
        log.println("preview: cannot switch to " + next + ": " + e.getMessage());
        return;
      }
      presenter.close();
      presenter = p;
      log.println("preview: switched to " + p.path());
    }

    @Override
    public void close() {
      if (presenter != null) {
        presenter.close();
      }
      if (frame != null) {
        frame.free();
      }
    }
  }

  private void loop(GlfwContext win, QuadRenderer quad, WindowState s) {
    long start = System.nanoTime();
    long fpsStart = start;
    int fpsFrames = 0;
    long frames = 0;
    while (!win.shouldClose() && (options.frames < 0 || frames < options.frames)) {
      GLFW.glfwPollEvents();
      if (s.toggleVsync) {
        s.toggleVsync = false;
        s.vsync = !s.vsync;
        win.swapInterval(s.vsync ? 1 : 0);
      }
      if (!s.fit()) {
        GLFW.glfwWaitEvents();
        continue;
      }
      if (s.switchPath) {
        s.switchPath = false;
        s.nextPath();
      }
      long now = System.nanoTime();
      scene.render(s.frame, sceneTime((now - start) / 1e9));
      s.presenter.present(s.frame);
      draw(quad, s);
      win.swapBuffers();
      frames++;
      fpsFrames++;
      if (now - fpsStart > 500_000_000L) {
        double fps = fpsFrames / ((now - fpsStart) / 1e9);
        GLFW.glfwSetWindowTitle(win.window(), String.format(Locale.ROOT,
            "JImageCUDA preview - %dx%d - %s - %.1f fps - vsync %s - backend %s", s.frame.width(),
            s.frame.height(), s.presenter.path(), fps, s.vsync ? "on" : "off", s.frame.backend().id()));
        fpsStart = now;
        fpsFrames = 0;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    log.println(String.format(Locale.ROOT, "preview: presented %d frames in %.3f s: %.1f frames per second (%s)",
        frames, seconds, frames / seconds, s.presenter == null ? "none" : s.presenter.path()));
    long holdEnd = System.nanoTime() + options.holdMillis * 1_000_000L;
    while (!win.shouldClose() && System.nanoTime() < holdEnd) {
      GLFW.glfwPollEvents();
      if (s.presenter != null) {
        draw(quad, s);
        win.swapBuffers();
      }
      sleep();
    }
  }

  private static void draw(QuadRenderer quad, WindowState s) {
    GL11.glViewport(0, 0, s.presenter.width(), s.presenter.height());
    quad.draw(s.presenter.texture(), true, true);
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
