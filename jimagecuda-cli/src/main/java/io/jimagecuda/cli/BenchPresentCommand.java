package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Fill;
import io.jimagecuda.GradientDirection;
import io.jimagecuda.Image;
import io.jimagecuda.ImageU8;
import io.jimagecuda.Images;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.JImageCudaException;
import io.jimagecuda.Rgba;
import io.jimagecuda.gl.GLResource;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.context.EglContext;
import io.jimagecuda.gl.internal.Framebuffer;
import io.jimagecuda.gl.internal.GlCheck;
import io.jimagecuda.gl.QuadRenderer;
import io.jimagecuda.gl.internal.Textures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL15;
import org.lwjgl.opengl.GL21;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda bench present}: how fast each {@link PresentPath} brings frames made by the library
 * into OpenGL, headless through {@link EglContext} (NVIDIA's device platform where present), at several
 * sizes in one run, as a Markdown table.
 *
 * <p>Per size and path, two timed runs of {@code --frames} frames, each after {@code --warmup} untimed ones,
 * on an 8-bit frame of {@code Fill.gradient} (radial, the seed's picture) on the default backend:
 * <ol>
 *   <li>split frames: the frame's last step runs on the backend ({@code convertFloatToU8}) and is
 *       synchronised (the frame is finished, the GPU busy with compute as in a real frame loop), then the
 *       <b>hand-off</b> is timed until {@code present} returns and OpenGL may use the frame, then <b>GL</b>:
 *       the upload OpenGL still has to do, a full-frame draw of the texture into a framebuffer, and
 *       {@code glFinish};
 *   <li>whole frames: {@code Fill.gradient}, {@code convertFloatToU8}, {@code present}, draw, {@code glFinish}
 *       and a synchronise, reported in frames per second.
 * </ol>
 * Medians are reported, with speed-ups against the seed's own sequence ("(a)":
 * {@code GLResource.copyFrom(u8, sync = true)}, i.e. map, copy, unmap and synchronise on the CUDA path, then
 * {@code glTexSubImage2D} from the PBO) and {@link PresentPath#CPU_UPLOAD} ("(c)": download and upload). After the split run the drawn framebuffer is read
 * back and compared with the frame, so that no broken path is reported as fast.
 */
@Command(name = "present", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Time every present path available here, headless (EGL), at several sizes: the hand-off "
        + "(frame finished -> OpenGL may use it), OpenGL's own upload and draw, and whole frames per second, "
        + "with ratios against the seed's exact sequence (a: copyFrom with sync + glTexSubImage2D) and "
        + "CPU_UPLOAD (c). Prints a Markdown table.",
        "Exit code 1 if a path drew wrong pixels or failed while measured."})
final class BenchPresentCommand implements Callable<Integer> {
  private static final Rgba RED = Rgba.rgb(1, 0, 0);
  private static final Rgba BLUE = Rgba.rgb(0, 0, 1);
  private static final String SEED = "seed: copyFrom(sync) + glTexSubImage2D";

  @Spec
  CommandSpec spec;

  @Option(names = "--sizes", paramLabel = "WxH,...", split = ",",
      defaultValue = "1280x720,1920x1080,2560x1440,3840x2160",
      description = "Frame sizes, all measured in one run (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "200",
      description = "Timed frames per run; medians are reported (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "50",
      description = "Untimed frames before each timed run (default: ${DEFAULT-VALUE}).")
  int warmup;

  /** A way of bringing an 8-bit frame into a texture. */
  private interface Pipeline extends AutoCloseable {
    /** The path its frames take. */
    PresentPath path();

    /** The hand-off: from a finished frame until OpenGL may use it. */
    void handOff(ImageU8 frame);

    /** OpenGL commands issued after the hand-off (the seed's {@code glTexSubImage2D}); none for presenters. */
    void upload();

    /** The texture holding the frame, top row first. */
    int texture();

    @Override
    void close();
  }

  /** Makes a pipeline; throws when its path cannot run here. */
  private interface Factory {
    Pipeline create();
  }

  /** A {@link Presenter}: {@code present} is the hand-off. */
  private record PresenterPipeline(Presenter presenter) implements Pipeline {
    @Override
    public PresentPath path() {
      return presenter.path();
    }

    @Override
    public void handOff(ImageU8 frame) {
      presenter.present(frame);
    }

    @Override
    public void upload() {
    }

    @Override
    public int texture() {
      return presenter.texture();
    }

    @Override
    public void close() {
      presenter.close();
    }
  }

  /** The seed's example: a PBO, a texture and a {@link GLResource} chosen as its one-argument constructor does. */
  private static final class SeedPipeline implements Pipeline {
    private final int width;
    private final int height;
    private final int pbo;
    private final int texture;
    private final GLResource resource;

    SeedPipeline(int width, int height) {
      this.width = width;
      this.height = height;
      pbo = GL15.glGenBuffers();
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
      GL15.glBufferData(GL21.GL_PIXEL_UNPACK_BUFFER, (long) width * height * 4, GL15.GL_STREAM_DRAW);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
      texture = Textures.rgba8(width, height);
      GLResource r;
      try {
        r = new GLResource(pbo);
      } catch (RuntimeException e) {
        GL11.glDeleteTextures(texture);
        GL15.glDeleteBuffers(pbo);
        throw e;
      }
      resource = r;
    }

    @Override
    public PresentPath path() {
      return resource.path();
    }

    @Override
    public void handOff(ImageU8 frame) {
      resource.copyFrom(frame, true);
    }

    @Override
    public void upload() {
      GL11.glBindTexture(GL11.GL_TEXTURE_2D, texture);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, pbo);
      GL11.glTexSubImage2D(GL11.GL_TEXTURE_2D, 0, 0, 0, width, height, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 0L);
      GL15.glBindBuffer(GL21.GL_PIXEL_UNPACK_BUFFER, 0);
      GL11.glBindTexture(GL11.GL_TEXTURE_2D, 0);
    }

    @Override
    public int texture() {
      return texture;
    }

    @Override
    public void close() {
      try {
        resource.free();
      } finally {
        GL11.glDeleteTextures(texture);
        GL15.glDeleteBuffers(pbo);
      }
    }
  }

  /** Medians in milliseconds of one row, and how many bytes of the drawn frame were wrong. */
  private record Row(Size size, String name, PresentPath path, double handOffMs, double glMs, double frameMs,
      long wrongBytes) {
  }

  /** A row that could not be measured, and why. */
  private record Missing(Size size, String name, String reason, boolean failed) {
  }

  /** What one size needs besides the pipeline: the frame on the default backend and a draw target. */
  private record Stage(BackendKind kind, Image frame, ImageU8 u8, Framebuffer target, QuadRenderer quad) {
    void draw(Pipeline p) {
      target.bind();
      quad.draw(p.texture(), true, false);
      target.unbind();
    }
  }

  @Override
  public Integer call() {
    List<Size> list = sizes.stream().map(s -> Size.parse(spec, "--sizes", s, "1920x1080")).toList();
    if (frames < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--frames must be at least 1 and --warmup at least 0");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Row> rows = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    BackendKind kind = JImageCuda.defaultBackend();
    String gl;
    try (EglContext context = EglContext.open(); QuadRenderer quad = new QuadRenderer()) {
      gl = context.describe();
      for (Size size : list) {
        try (Image frame = new Image(size.width(), size.height(), kind);
            ImageU8 u8 = new ImageU8(size.width(), size.height(), kind);
            Framebuffer target = new Framebuffer(size.width(), size.height())) {
          Stage stage = new Stage(kind, frame, u8, target, quad);
          for (PresentPath path : PresentPath.values()) {
            if (path != PresentPath.CPU_UPLOAD && kind != BackendKind.CUDA) {
              missing.add(new Missing(size, path.name(), JImageCuda.isCudaAvailable()
                  ? "the frames are on the " + kind.id() + " backend; this path takes CUDA images"
                  : "needs CUDA: " + JImageCuda.cudaStatus(), false));
              continue;
            }
            err.printf("bench: %s at %s%n", path, size);
            run(size, path.name(), () -> new PresenterPipeline(Presenter.create(size.width(), size.height(), path)),
                stage, rows, missing);
          }
          err.printf("bench: %s at %s%n", SEED, size);
          run(size, SEED, () -> new SeedPipeline(size.width(), size.height()), stage, rows, missing);
        }
      }
    }
    print(spec.commandLine().getOut(), gl, kind, list, rows, missing);
    boolean bad = rows.stream().anyMatch(r -> r.wrongBytes() != 0) || missing.stream().anyMatch(Missing::failed);
    return bad ? 1 : 0;
  }

  /** Measures the pipeline {@code factory} makes into {@code rows}, or records in {@code missing} why not. */
  private void run(Size size, String name, Factory factory, Stage stage, List<Row> rows, List<Missing> missing) {
    Pipeline p;
    try {
      p = factory.create();
    } catch (JImageCudaException | UnsupportedOperationException e) {
      missing.add(new Missing(size, name, e.getMessage(), false));
      return;
    }
    try (p) {
      rows.add(measure(size, name, p, stage));
    } catch (JImageCudaException e) {
      missing.add(new Missing(size, name, "failed while measured: " + e.getMessage(), true));
    }
  }

  private Row measure(Size size, String name, Pipeline p, Stage s) {
    Fill.gradient(s.frame(), RED, BLUE, GradientDirection.RADIAL);
    Images.convertFloatToU8(s.u8(), s.frame());
    double[] handOff = new double[frames];
    double[] gl = new double[frames];
    for (int i = -warmup; i < frames; i++) {
      Images.convertFloatToU8(s.u8(), s.frame()); // the frame's last step, on the backend
      JImageCuda.synchronize(s.kind());
      long t0 = System.nanoTime();
      p.handOff(s.u8());
      long t1 = System.nanoTime();
      p.upload();
      s.draw(p);
      GL11.glFinish();
      long t2 = System.nanoTime();
      if (i >= 0) {
        handOff[i] = (t1 - t0) / 1e6;
        gl[i] = (t2 - t1) / 1e6;
      }
    }
    GlCheck.check("bench present: " + name + " at " + size);
    long wrong = differingBytes(s.target().readTopDown(), Images.download(s.u8()));
    double[] whole = new double[frames];
    for (int i = -warmup; i < frames; i++) {
      long t0 = System.nanoTime();
      Fill.gradient(s.frame(), RED, BLUE, GradientDirection.RADIAL);
      Images.convertFloatToU8(s.u8(), s.frame());
      p.handOff(s.u8());
      p.upload();
      s.draw(p);
      GL11.glFinish();
      JImageCuda.synchronize(s.kind());
      if (i >= 0) {
        whole[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    GlCheck.check("bench present: " + name + " at " + size + ", whole frames");
    return new Row(size, name, p.path(), median(handOff), median(gl), median(whole), wrong);
  }

  private static long differingBytes(byte[] a, byte[] b) {
    long n = 0;
    for (int i = 0; i < a.length; i++) {
      n += a[i] != b[i] ? 1 : 0;
    }
    return n;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return (s[(s.length - 1) / 2] + s[s.length / 2]) / 2;
  }

  private void print(PrintWriter out, String gl, BackendKind kind, List<Size> list, List<Row> rows,
      List<Missing> missing) {
    out.printf(Locale.ROOT, "## Present paths, headless: medians of %d frames after %d warm-up frames%n%n", frames,
        warmup);
    out.println("- OpenGL: " + gl);
    out.println("- frames: " + kind.id() + " backend, " + JImageCuda.describe(kind));
    out.println("- hand-off: frame finished on the backend (its last step synchronised) -> `present` returns "
        + "and OpenGL may use it");
    out.println("- GL: OpenGL's remaining upload, a full-frame draw into a framebuffer, `glFinish`");
    out.println("- fps: whole frames: `Fill.gradient`, `convertFloatToU8`, `present`, draw, `glFinish`");
    out.println("- ×(a), ×(c): speed-up against the seed's sequence (a: copyFrom with sync, map + copy + unmap "
        + "+ synchronise, then glTexSubImage2D) and CPU_UPLOAD (c: download + upload) at the same size; – where "
        + "that row is missing");
    out.println();
    out.println("| size | path | hand-off ms | GL ms | fps | hand-off ×(a) | hand-off ×(c) | fps ×(a) "
        + "| fps ×(c) |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Size size : list) {
      Row a = find(rows, size, SEED);
      Row c = find(rows, size, PresentPath.CPU_UPLOAD.name());
      for (Row r : rows) {
        if (!r.size().equals(size)) {
          continue;
        }
        out.printf(Locale.ROOT, "| %s | %s | %.4f | %.3f | %.1f | %s | %s | %s | %s |%n", size, label(r),
            r.handOffMs(), r.glMs(), 1000 / r.frameMs(), ratio(a, r, Row::handOffMs), ratio(c, r, Row::handOffMs),
            ratio(a, r, Row::frameMs), ratio(c, r, Row::frameMs));
      }
    }
    List<String> notes = new ArrayList<>();
    for (Row r : rows) {
      if (r.wrongBytes() != 0) {
        notes.add(String.format(Locale.ROOT, "- %s at %s: WRONG PIXELS: %d of %d bytes drawn differ from the frame",
            r.name(), r.size(), r.wrongBytes(), r.size().pixels() * 4));
      }
    }
    // One line per reason: the paths it concerns, and the sizes unless it holds at every size.
    Map<String, List<Missing>> byPathAndReason = missing.stream().collect(Collectors.groupingBy(
        m -> m.name() + "\n" + m.reason(), LinkedHashMap::new, Collectors.toList()));
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (List<Missing> group : byPathAndReason.values()) {
      Missing m = group.get(0);
      String where = group.size() == list.size() ? "" : " at " + group.stream().map(g -> g.size().toString())
          .collect(Collectors.joining(", "));
      String what = (m.failed() ? ": " : ": not available: ") + m.reason();
      byReason.computeIfAbsent(where + what, k -> new ArrayList<>()).add(m.name());
    }
    byReason.forEach((what, names) -> notes.add("- " + String.join(", ", names) + what));
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(out::println);
    }
  }

  private static String label(Row r) {
    if (r.name().equals(SEED)) {
      return SEED + " (" + r.path() + ") (a)";
    }
    return r.name() + (r.path() == PresentPath.CPU_UPLOAD ? " (c)" : "");
  }

  private static Row find(List<Row> rows, Size size, String name) {
    return rows.stream().filter(r -> r.size().equals(size) && r.name().equals(name)).findFirst().orElse(null);
  }

  /** How many times faster {@code r} is than {@code reference} by {@code ms}, e.g. "12×"; "–" without one. */
  private static String ratio(Row reference, Row r, ToDoubleFunction<Row> ms) {
    if (reference == null) {
      return "–";
    }
    double x = ms.applyAsDouble(reference) / ms.applyAsDouble(r);
    return String.format(Locale.ROOT, x < 10 ? "%.1f×" : "%.0f×", x);
  }
}
