package io.jimagecuda.gl.preview;

import io.jimagecuda.gl.PresentPath;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Options of the {@link Preview} application, filled from the command line by {@link #parse} (or field
 * by field by another front end, such as the CLI's {@code preview} subcommand).
 */
public final class PreviewOptions {
  /** Options with every default: a 1280 × 720 window, animated, vsync on, the fastest present path. */
  public PreviewOptions() {
  }

  /** Frame width in pixels (window: initial size). */
  public int width = 1280;
  /** Frame height in pixels. */
  public int height = 720;
  /** Render through EGL without a window. */
  public boolean headless;
  /** Frames to render; headless default 120, window default: until the window is closed. */
  public long frames = -1;
  /** Headless: folder for the saved PNG frames ({@code null}: save none). */
  public @Nullable Path out;
  /** Headless: indices of the frames to save; empty = the last frame only. */
  public Set<Long> save = new TreeSet<>();
  /** The present path, or {@code null} for the fastest available. */
  public @Nullable PresentPath path;
  /** Window: wait for vertical sync (key V toggles). */
  public boolean vsync = true;
  /** Scene time in seconds for every frame (a still picture), or {@code NaN} for animation. */
  public double time = Double.NaN;
  /** Window: milliseconds to keep showing the last frame after {@link #frames} frames. */
  public long holdMillis;
  /** Window: position of the top-left corner, or {@code null} to let the window system choose. */
  public int @Nullable [] position;

  /** What {@link #parse} understands. */
  public static final String USAGE = """
      Usage: preview [--size WxH] [--path auto|cuda|cpu|PATH] [--time SECONDS] [--no-vsync]
                     [--frames N] [--hold MS] [--position X,Y]
             preview --headless [--frames N] [--out DIR] [--save I,J,...] [--size WxH] [--path ...] [--time S]
      PATH: vulkan_shared_texture, cuda_exported_buffer, cuda_mapped_texture, cuda_mapped_pbo (= cuda),
            cpu_upload (= cpu).
      Window keys: V vsync on/off, P next present path, Esc close.""";

  /**
   * Parses command-line arguments.
   *
   * @param args the options of {@link #USAGE}
   * @return the options
   * @throws IllegalArgumentException naming the argument and what is expected
   */
  public static PreviewOptions parse(String... args) {
    PreviewOptions o = new PreviewOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--headless" -> o.headless = true;
        case "--no-vsync" -> o.vsync = false;
        case "--size" -> {
          String[] wh = value(args, ++i, a).toLowerCase(Locale.ROOT).split("x");
          if (wh.length != 2) {
            throw new IllegalArgumentException("--size expects WIDTHxHEIGHT, e.g. 1280x720");
          }
          o.width = positive(a, wh[0]);
          o.height = positive(a, wh[1]);
        }
        case "--frames" -> o.frames = positive(a, value(args, ++i, a));
        case "--out" -> o.out = Path.of(value(args, ++i, a));
        case "--save" -> {
          for (String s : value(args, ++i, a).split(",")) {
            o.save.add((long) nonNegative(a, s));
          }
        }
        case "--path" -> o.path = path(value(args, ++i, a));
        case "--time" -> {
          String t = value(args, ++i, a);
          try {
            o.time = Double.parseDouble(t);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--time expects seconds, got '" + t + "'");
          }
        }
        case "--hold" -> o.holdMillis = nonNegative(a, value(args, ++i, a));
        case "--position" -> {
          String[] xy = value(args, ++i, a).split(",");
          if (xy.length != 2) {
            throw new IllegalArgumentException("--position expects X,Y");
          }
          o.position = new int[] {nonNegative(a, xy[0]), nonNegative(a, xy[1])};
        }
        default -> throw new IllegalArgumentException("Unknown argument '" + a + "'\n" + USAGE);
      }
    }
    if (o.headless && o.frames < 0) {
      o.frames = 120;
    }
    if (o.out != null && !o.headless) {
      throw new IllegalArgumentException("--out is for --headless runs");
    }
    return o;
  }

  /**
   * The present path a {@code --path} value names: {@code auto} ({@code null}: the fastest available),
   * a {@link PresentPath} name in any case with {@code -} or {@code _}, or the short names {@code cuda}
   * ({@link PresentPath#CUDA_MAPPED_PBO}) and {@code cpu} ({@link PresentPath#CPU_UPLOAD}).
   *
   * @param value the option's value
   * @return the path, or {@code null} for {@code auto}
   * @throws IllegalArgumentException listing the accepted values
   */
  public static @Nullable PresentPath path(String value) {
    String p = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (p) {
      case "AUTO" -> null;
      case "CUDA" -> PresentPath.CUDA_MAPPED_PBO;
      case "CPU" -> PresentPath.CPU_UPLOAD;
      default -> Arrays.stream(PresentPath.values()).filter(x -> x.name().equals(p)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--path expects auto, cuda, cpu or a present path ("
              + Arrays.stream(PresentPath.values()).map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")) + "), got '" + value + "'"));
    };
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int positive(String name, String v) {
    int n = nonNegative(name, v);
    if (n == 0) {
      throw new IllegalArgumentException(name + " must be positive, got 0");
    }
    return n;
  }

  private static int nonNegative(String name, String v) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " expects an integer, got '" + v + "'");
    }
  }
}
