package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda bench io}: how long {@code Images.save} and {@code Images.load} take per file format,
 * next to plain ImageIO ({@code ImageIO.write} of a {@code BufferedImage}, {@code ImageIO.read}) on the same
 * picture, in one run, as a Markdown table of medians.
 *
 * <p>The picture is photo-like: smooth gradients, a few shapes and a little noise (pure noise would not
 * compress and flat colour would compress too well). JImageCUDA's times are whole calls: a save is
 * {@code Images.saveU8} of an 8-bit image (download, encode, write; {@code Images.save} of a float image
 * adds the backend's float → 8-bit conversion), a load is {@code Images.load} (file checks, decode,
 * upload and the conversion to a float image). ImageIO's WebP writer is webp-imageio's (the same libwebp that
 * {@code Images.save} uses), since the JDK has none.
 */
@Command(name = "io", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Time Images.save and Images.load for PNG, JPEG, WebP, TIFF and BMP next to plain ImageIO on the "
        + "same photo-like picture; prints a Markdown table of medians."})
final class BenchIoCommand implements Callable<Integer> {
  private static final List<String> FORMATS = List.of("png", "jpg", "webp", "tif", "bmp");

  @Spec
  CommandSpec spec;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "3840x2160",
      description = "The picture's size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Timed runs per measurement, after one untimed; medians are reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--formats", paramLabel = "EXT,...", split = ",", defaultValue = "png,jpg,webp,tif,bmp",
      description = "File extensions to measure (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--keep", paramLabel = "DIR",
      description = "Write the files into DIR (created if needed) and keep them, e.g. for dev/bench_io_peers.py, "
          + "which times OpenCV and Pillow on DIR/ours.png's picture; default: a temporary folder, deleted.")
  Path keep;

  @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
      description = "The backend of the images (default: CUDA when available, else CPU).")
  BackendKind backend;

  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  @Override
  public Integer call() throws IOException {
    Size s = Size.parse(spec, "--size", size, "3840x2160");
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
    }
    for (String f : formats) {
      if (!FORMATS.contains(f.toLowerCase(Locale.ROOT))) {
        throw new ParameterException(spec.commandLine(), "--formats: unknown '" + f + "'; expected some of "
            + String.join(", ", FORMATS));
      }
    }
    BackendKind kind = backend != null ? backend : JImageCuda.defaultBackend();
    PrintWriter out = spec.commandLine().getOut();
    Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("jimagecuda-bench-io");
    byte[] rgba = picture(s.width(), s.height());
    try (ImageU8 image = new ImageU8(s.width(), s.height(), kind)) {
      Images.upload(image, rgba);
      BufferedImage abgr = abgr(rgba, s.width(), s.height());
      BufferedImage bgr = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_3BYTE_BGR);
      bgr.getGraphics().drawImage(abgr, 0, 0, null);
      out.printf("## bench io: %s on %s, %d cores, median of %d runs%n%n", s, kind.id(),
          Runtime.getRuntime().availableProcessors(), runs);
      out.println("| format | file KB | ImageIO file KB | save ms | ImageIO save ms | save speed-up | load ms "
          + "| ImageIO load ms | load speed-up |");
      out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (String f : formats) {
        String ext = f.toLowerCase(Locale.ROOT);
        Path ours = dir.resolve("ours." + ext);
        Path theirs = dir.resolve("imageio." + ext);
        String ioName = switch (ext) {
          case "jpg" -> "jpeg";
          case "tif" -> "tiff";
          default -> ext;
        };
        BufferedImage source = ext.equals("jpg") || ext.equals("bmp") ? bgr : abgr;
        double save = median(() -> Images.saveU8(image, ours));
        double ioSave = median(() -> {
          if (!ImageIO.write(source, ioName, theirs.toFile())) {
            throw new IOException("ImageIO has no " + ioName + " writer for this image");
          }
        });
        double load = median(() -> {
          try (Image back = Images.load(ours, Images.Load.DEFAULTS.withAutorotate(false))) {
            back.width();
          }
        });
        double ioLoad = median(() -> {
          if (ImageIO.read(ours.toFile()) == null) {
            throw new IOException("ImageIO has no reader for " + ours);
          }
        });
        out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.2f× | %.0f | %.0f | %.2f× |%n", ext,
            Files.size(ours) / 1024, Files.size(theirs) / 1024, save, ioSave, ioSave / save, load, ioLoad, ioLoad / load);
        out.flush();
      }
      double uploadConvert;
      try (Image f32 = new Image(s.width(), s.height(), kind); ImageU8 u8 = new ImageU8(s.width(), s.height(), kind)) {
        uploadConvert = median(() -> {
          Images.upload(u8, rgba);
          Images.convertU8ToFloat(f32, u8);
          f32.backend();
        });
      }
      out.printf(Locale.ROOT, "%nsave: Images.saveU8 of an 8-bit image vs ImageIO.write of a BufferedImage; load: "
          + "Images.load to a float image vs ImageIO.read to a BufferedImage. Of a load, uploading the 8-bit pixels "
          + "and converting them to float alone take %.0f ms on %s.%nImageIO's writers: PNG the JDK's, JPEG the JDK's (through TwelveMonkeys), WebP webp-imageio's, "
          + "TIFF and BMP the first registered; both load columns read JImageCUDA's file.%n", uploadConvert, kind.id());
    } finally {
      if (keep == null) {
        deleteAll(dir);
      }
    }
    return 0;
  }

  private static void deleteAll(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.deleteIfExists(dir);
  }

  /** Median milliseconds of {@link #runs} timed runs after one untimed. */
  private double median(Step step) throws IOException {
    step.run();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      step.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  }

  /** A photo-like RGBA picture: gradients, soft circles and ±6 levels of noise, opaque. */
  static byte[] picture(int w, int h) {
    byte[] b = new byte[w * h * 4];
    Random random = new Random(42);
    double cx = w * 0.35;
    double cy = h * 0.45;
    double r2 = Math.pow(Math.min(w, h) * 0.3, 2);
    for (int y = 0, o = 0; y < h; y++) {
      for (int x = 0; x < w; x++, o += 4) {
        double d = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / r2;
        double shade = d < 1 ? 60 * (1 - d) : 0;
        int noise = random.nextInt(13) - 6;
        b[o] = clamp(40 + 150.0 * x / w + shade + noise);
        b[o + 1] = clamp(30 + 120.0 * y / h + shade * 0.5 + noise);
        b[o + 2] = clamp(90 + 60 * Math.sin(x * 0.004 + y * 0.002) + noise);
        b[o + 3] = (byte) 255;
      }
    }
    return b;
  }

  private static byte clamp(double v) {
    return (byte) Math.max(0, Math.min(255, (int) v));
  }

  private static BufferedImage abgr(byte[] rgba, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
    byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < d.length; i += 4) {
      d[i] = rgba[i + 3];
      d[i + 1] = rgba[i + 2];
      d[i + 2] = rgba[i + 1];
      d[i + 3] = rgba[i];
    }
    return img;
  }
}
