package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.preview.Preview;
import io.jimagecuda.gl.preview.PreviewOptions;
import io.jimagecuda.gl.swing.PreviewPanel;
import io.jimagecuda.gl.swing.PreviewWindow;
import io.jimagecuda.recipe.ImageFiles;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda preview [FILE|RECIPE]}: an image file or a recipe's output in a window with a
 * {@link PreviewPanel}; without an argument the preview application ({@link Preview}) in a window, or
 * headless through EGL with {@code --headless}.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Show an image file, or the output of a recipe (a .json file), in a window: drag to pan, wheel "
        + "to zoom, F fit, 1 actual size; the status line shows the pixel under the cursor.",
        "Without FILE: show an animated scene, made by fills on the default backend every frame and brought to "
        + "OpenGL by the fastest present path, over a checkerboard in a window.",
        "Keys: V vsync on/off, P next present path, Esc close. The title shows the path and frames per second.",
        "With --headless: render through EGL without a window, save frames as PNG and print frames per second."})
final class PreviewCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|RECIPE",
      description = "An image file (PNG, JPEG, BMP, TIFF) or a recipe (.json) to show.")
  Path source;

  @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
      description = "FILE|RECIPE: the backend to load or render on (default: CUDA when available, else CPU).")
  BackendKind backend;

  @Option(names = "--screenshot", paramLabel = "PNG",
      description = "FILE|RECIPE: save a screenshot of the window as PNG once the image is shown, then close it.")
  Path screenshot;

  @Option(names = "--headless", description = "Render offscreen through EGL (no window or display needed).")
  boolean headless;

  @Option(names = "--frames", paramLabel = "N",
      description = "Frames to render (headless default: 120; window default: until closed).")
  Long frames;

  @Option(names = "--out", paramLabel = "DIR", description = "Headless: save frames into DIR as frame-NNNNN.png.")
  Path out;

  @Option(names = "--save", paramLabel = "N", split = ",",
      description = "Headless: the frame indices (from 0) to save into --out (default: the last frame).")
  List<Long> save;

  @Option(names = "--path", paramLabel = "PATH", defaultValue = "auto",
      description = "Present path: auto (default: the fastest available), vulkan_shared_texture, "
          + "cuda_exported_buffer, cuda_mapped_texture, cuda_mapped_pbo (or cuda), cpu_upload (or cpu).")
  String path;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720",
      description = "Frame size; the window's initial size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--no-vsync", description = "Window: do not wait for vertical sync (key V toggles it).")
  boolean noVsync;

  @Option(names = "--time", paramLabel = "SECONDS",
      description = "Show the scene at this time in every frame (a still picture) instead of animating it.")
  Double time;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (source != null) {
      return showFile();
    }
    if (backend != null || screenshot != null) {
      throw new ParameterException(spec.commandLine(), "--backend and --screenshot need FILE|RECIPE");
    }
    PreviewOptions o = options();
    new Preview(o, spec.commandLine().getOut()).run();
    return 0;
  }

  /** Shows an image file or a recipe's output in a {@link PreviewWindow}; returns when it is closed. */
  private int showFile() throws IOException, InterruptedException {
    if (headless || frames != null || out != null || save != null || time != null || noVsync
        || !"auto".equals(path) || !"1280x720".equals(size)) {
      throw new ParameterException(spec.commandLine(), "--headless, --frames, --out, --save, --path, --size, "
          + "--no-vsync and --time are for the animated scene, not for FILE|RECIPE");
    }
    if (!Files.isRegularFile(source)) {
      throw new ParameterException(spec.commandLine(), "FILE|RECIPE: no such file: " + source);
    }
    requireDisplay();
    BackendKind kind = backend != null ? backend : JImageCuda.defaultBackend();
    boolean recipe = source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    PrintWriter log = spec.commandLine().getOut();
    try (Image image = recipe
        ? new RecipeRunner(kind, source.toAbsolutePath().getParent()).run(RecipeParser.parse(source))
        : ImageFiles.standard().load(source, kind)) {
      PreviewWindow window = Preview.showAsync(image);
      PreviewPanel panel = window.panel();
      Screenshots.settle(panel);
      log.printf(Locale.ROOT, "preview: %s, %dx%d on %s; %s%n", source, image.width(), image.height(), kind.id(),
          Screenshots.describe(panel));
      log.flush();
      if (screenshot != null) {
        Screenshots.pointAt(panel.surface());
        Screenshots.save(window.frame(), screenshot);
        log.println("preview: saved a screenshot to " + screenshot);
        window.close();
        window.awaitClosed(10_000);
      } else {
        window.awaitClosed();
      }
    }
    return 0;
  }

  private void requireDisplay() {
    if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
      throw new ParameterException(spec.commandLine(), "no display to open a window on (DISPLAY and "
          + "WAYLAND_DISPLAY are unset)" + (source == null ? "; use --headless to render without one" : ""));
    }
  }

  /** The options, checked; every mistake is a usage error naming the option. */
  private PreviewOptions options() {
    PreviewOptions o = new PreviewOptions();
    o.headless = headless;
    Size s = Size.parse(spec, "--size", size, "1280x720");
    o.width = s.width();
    o.height = s.height();
    try {
      o.path = PreviewOptions.path(path);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (frames != null && frames < 1) {
      throw new ParameterException(spec.commandLine(), "--frames must be at least 1, got " + frames);
    }
    o.frames = frames != null ? frames : headless ? 120 : -1;
    o.vsync = !noVsync;
    if (time != null) {
      if (!Double.isFinite(time)) {
        throw new ParameterException(spec.commandLine(), "--time must be a finite number of seconds");
      }
      o.time = time;
    }
    if (!headless && (out != null || save != null)) {
      throw new ParameterException(spec.commandLine(), "--out and --save are for --headless runs");
    }
    if (save != null && out == null) {
      throw new ParameterException(spec.commandLine(), "--save needs --out DIR to save the frames into");
    }
    if (save != null) {
      for (long i : save) {
        if (i < 0 || i >= o.frames) {
          throw new ParameterException(spec.commandLine(), "--save " + i + " is not a frame: frames are 0.."
              + (o.frames - 1));
        }
      }
      o.save.addAll(save);
    }
    o.out = out;
    if (!headless && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
      throw new ParameterException(spec.commandLine(), "no display to open a window on (DISPLAY and "
          + "WAYLAND_DISPLAY are unset); use --headless to render without one");
    }
    return o;
  }
}
