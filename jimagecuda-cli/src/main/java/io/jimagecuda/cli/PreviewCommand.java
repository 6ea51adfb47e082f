package io.jimagecuda.cli;

import io.jimagecuda.gl.preview.Preview;
import io.jimagecuda.gl.preview.PreviewOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda preview}: the preview application ({@link Preview}) in a window, or headless through
 * EGL with {@code --headless}.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Show an animated scene, made by fills on the default backend every frame and brought to "
        + "OpenGL by the fastest present path, over a checkerboard in a window.",
        "Keys: V vsync on/off, P next present path, Esc close. The title shows the path and frames per second.",
        "With --headless: render through EGL without a window, save frames as PNG and print frames per second."})
final class PreviewCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

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
  public Integer call() {
    PreviewOptions o = options();
    new Preview(o, spec.commandLine().getOut()).run();
    return 0;
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
