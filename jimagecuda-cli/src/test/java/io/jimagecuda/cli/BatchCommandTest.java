package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.parity.GpuOnly;
import io.jimagecuda.recipe.RecipeParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jimagecuda batch} on the CPU backend over real files (and on CUDA device 0 on the GPU machine). */
class BatchCommandTest {
  /** Resize, adjust, blend a watermark: the typical recipe, small. */
  static final String RECIPE = """
      {"name": "thumb",
       "images": {"photo": {"load": "$input"}, "mark": {"load": "mark.png"}},
       "steps": [
         {"op": "resize.lanczos", "src": "photo", "width": 24, "height": null, "out": "small"},
         {"op": "adjust.saturation", "image": "small", "factor": 1.3},
         {"op": "blend.normal", "base": "small", "overlay": "mark", "anchor": "bottom-right",
          "offsetX": -1, "offsetY": -1, "opacity": 0.6}
       ],
       "output": "small"}
      """;

  @TempDir
  Path dir;

  /** A PNG of varied, partly transparent pixels, different per {@code seed}. */
  static void photo(Path file, int w, int h, int seed) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int a = 128 + (x * 7 + y * 3 + seed) % 128;
        img.setRGB(x, y, a << 24 | ((x * 11 + seed * 17) & 255) << 16 | ((y * 13 + seed) & 255) << 8
            | ((x * y + seed * 5) & 255));
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }

  private Path recipe() throws IOException {
    photo(dir.resolve("mark.png"), 6, 4, 99);
    return Files.writeString(dir.resolve("thumb.json"), RECIPE);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * Whether {@code dir} holds a finished PNG yet, while the batch is still writing into it: a directory
   * listing reads no file attributes, so temporary files renamed away meanwhile cannot make it fail (as
   * {@link Files#walk} did, with {@code NoSuchFileException}, once in CI).
   */
  private static boolean hasPng(Path dir) throws IOException {
    try (DirectoryStream<Path> pngs = Files.newDirectoryStream(dir, "*.png")) {
      return pngs.iterator().hasNext();
    } catch (NoSuchFileException e) {
      return false; // not created yet
    }
  }

  private static void assertNoTempFiles(Path root) throws IOException {
    for (Path f : files(root)) {
      assertFalse(f.getFileName().toString().endsWith(BatchPipeline.TEMP_SUFFIX), "temporary file left: " + f);
      assertFalse(f.getFileName().toString().startsWith("."), "hidden file left: " + f);
    }
  }

  /** The user-error contract: exit 2, one line on stderr containing {@code fragment}. */
  private static void assertUserError(Cli.Result r, String fragment) {
    assertEquals(2, r.exit(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(fragment), r.err());
  }

  @Test
  void directoriesGlobsFilesACorruptOneAndAnExistingOutput() throws IOException {
    Path recipe = recipe();
    Path in = dir.resolve("in");
    photo(in.resolve("a.png"), 40, 30, 1);
    photo(in.resolve("sub/b.png"), 50, 20, 2);
    photo(dir.resolve("glob/c1.png"), 30, 30, 3);
    photo(dir.resolve("glob/c2.png"), 33, 31, 4);
    photo(dir.resolve("single.png"), 25, 25, 5);
    Files.writeString(in.resolve("corrupt.png"), "\u0089PNG\r\n\u001a\n this is not a PNG");
    Files.writeString(in.resolve("notes.txt"), "ignored: not an image extension");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("single.png"), "existing output, must be kept");

    Cli.Result r = Cli.run("batch", recipe.toString(), in.toString(), dir.resolve("glob").toString() + "/c*.png",
        dir.resolve("single.png").toString(), "--out", out.toString(), "--backend", "cpu", "--jobs", "2",
        "--progress", "off");

    assertEquals(BatchCommand.SOME_FAILED, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("batch: 4 ok, 1 skipped (output exists), 1 failed in "), r.out());
    assertTrue(r.out().contains("images per device: cpu 4;"), r.out());
    assertTrue(r.err().contains("batch: FAILED " + in.resolve("corrupt.png").toAbsolutePath() + " (decode): "),
        r.err());
    assertEquals("existing output, must be kept", Files.readString(out.resolve("single.png")));
    assertEquals(List.of(out.resolve("a.png"), out.resolve("c1.png"), out.resolve("c2.png"),
        out.resolve("single.png"), out.resolve("sub/b.png")), files(out), "sub-directories are mirrored");
    assertNoTempFiles(out);

    // Every output equals what render --input writes, byte for byte.
    for (String[] pair : new String[][] {{"in/a.png", "a.png"}, {"in/sub/b.png", "sub/b.png"},
        {"glob/c2.png", "c2.png"}}) {
      Path expected = dir.resolve("render-" + pair[1].replace('/', '-'));
      Cli.Result single = Cli.run("render", recipe.toString(), "--input", dir.resolve(pair[0]).toString(), "-o",
          expected.toString(), "--backend", "cpu");
      assertEquals(0, single.exit(), single.err());
      assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out.resolve(pair[1])), pair[0]);
    }

    // Again: everything there is skipped, the corrupt file fails again.
    Cli.Result again = Cli.run("batch", recipe.toString(), in.toString(), "--out", out.toString(), "--backend",
        "cpu", "--progress", "off");
    assertEquals(BatchCommand.SOME_FAILED, again.exit(), again.err());
    assertTrue(again.out().startsWith("batch: 0 ok, 2 skipped (output exists), 1 failed"), again.out());

    // --overwrite renders again; without the corrupt file the run is clean.
    Files.delete(in.resolve("corrupt.png"));
    Cli.Result overwrite = Cli.run("batch", recipe.toString(), in.toString(), dir.resolve("single.png").toString(),
        "--out", out.toString(), "--backend", "cpu", "--overwrite", "--progress", "off", "--stats");
    assertEquals(0, overwrite.exit(), overwrite.err());
    assertTrue(overwrite.out().startsWith("batch: 3 ok, 0 skipped (output exists), 0 failed"), overwrite.out());
    assertTrue(overwrite.out().contains("| decode | "), "--stats prints the stage table: " + overwrite.out());
    assertTrue(overwrite.out().contains("| recipe | 1 device worker | "), overwrite.out());
    assertNotNull(ImageIO.read(out.resolve("single.png").toFile()), "the existing file was replaced by a PNG");
    assertNoTempFiles(out);
  }

  @Test
  void sameStemsFromDifferentDirectoriesDoNotOverwriteEachOther() throws IOException {
    Path recipe = recipe();
    photo(dir.resolve("x/photo.png"), 20, 20, 1);
    photo(dir.resolve("y/photo.png"), 20, 20, 2);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("batch", recipe.toString(), dir.resolve("x/photo.png").toString(),
        dir.resolve("y/photo.png").toString(), "--out", out.toString(), "--backend", "cpu", "--format", "jpg",
        "--quality", "90", "--progress", "off");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(out.resolve("photo-2.jpg"), out.resolve("photo.jpg")), files(out));
    assertTrue(r.err().contains("would both write photo.jpg; writing photo-2.jpg"), r.err());
    byte[] first = Files.readAllBytes(out.resolve("photo.jpg"));
    byte[] second = Files.readAllBytes(out.resolve("photo-2.jpg"));
    assertFalse(java.util.Arrays.equals(first, second), "two different inputs, two different outputs");
    assertEquals((byte) 0xFF, first[0]);
    assertEquals((byte) 0xD8, first[1], "a JPEG");
  }

  @Test
  void userErrorsExitWith2BeforeAnyFileIsWritten() throws IOException {
    Path recipe = recipe();
    photo(dir.resolve("in/a.png"), 10, 10, 1);
    String in = dir.resolve("in").toString();
    String out = dir.resolve("out").toString();
    Path plain = Files.writeString(dir.resolve("plain.json"),
        "{\"name\": \"p\", \"images\": {\"a\": {\"width\": 2, \"height\": 2}}, \"steps\": [], \"output\": \"a\"}");
    assertUserError(Cli.run("batch", plain.toString(), in, "--out", out, "--backend", "cpu"),
        "has no image {\"load\": \"$input\"}");
    assertUserError(Cli.run("batch", recipe.toString(), dir.resolve("missing").toString(), "--out", out, "--backend",
        "cpu"), "input " + dir.resolve("missing") + " does not exist");
    assertUserError(Cli.run("batch", recipe.toString(), dir.resolve("in").toString() + "/*.jpg", "--out", out,
        "--backend", "cpu"), "contains no image files");
    assertUserError(Cli.run("batch", recipe.toString(), in, "--out", out, "--backend", "cpu", "--format", "webp"),
        "WebP can be read but not written");
    assertUserError(Cli.run("batch", recipe.toString(), in, "--out", out, "--backend", "cpu", "--devices", "0"),
        "--devices needs the CUDA backend");
    assertUserError(Cli.run("batch", recipe.toString(), in, "--out", out, "--backend", "cpu", "--quality", "0"),
        "--quality must be in 1..100");
    assertUserError(Cli.run("batch", recipe.toString(), in, "--out", out, "--backend", "cpu", "--jobs", "0"),
        "--jobs must be at least 1");
    assertUserError(Cli.run("batch", recipe.toString(), in, "--out", out, "--devices", "-1"),
        "device indices are 0 or more");
    assertFalse(Files.exists(dir.resolve("out/a.png")));
  }

  @Test
  void withoutCudaTheCudaBackendIsAUserError() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse(io.jimagecuda.JImageCuda.isCudaAvailable(), "CUDA is here");
    Path recipe = recipe();
    photo(dir.resolve("in/a.png"), 10, 10, 1);
    assertUserError(Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
        dir.resolve("out").toString(), "--devices", "0"), "CUDA device 0 cannot be used");
    assertUserError(Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
        dir.resolve("out").toString(), "--backend", "cuda"), "libcuda");
  }

  @Test
  void twoWorkersGiveTheSameBytesAsOne() throws IOException {
    Path recipe = recipe();
    for (int i = 0; i < 6; i++) {
      photo(dir.resolve("in/p" + i + ".png"), 60 + i, 40, i);
    }
    Cli.Result one = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
        dir.resolve("one").toString(), "--backend", "cpu", "--progress", "off");
    Cli.Result two = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
        dir.resolve("two").toString(), "--backend", "cpu", "--device-workers", "2", "--jobs", "3",
        "--progress", "off", "--stats");
    assertEquals(0, one.exit(), one.err());
    assertEquals(0, two.exit(), two.err());
    assertTrue(two.out().contains("images per device: cpu 6; 3 cpu threads;"), two.out());
    assertTrue(two.out().contains("| recipe | 2 device workers | "), two.out());
    for (int i = 0; i < 6; i++) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("one/p" + i + ".png")),
          Files.readAllBytes(dir.resolve("two/p" + i + ".png")), "p" + i);
    }
  }

  @Test
  void renderInputMustMatchTheRecipe() throws IOException {
    Path recipe = recipe();
    photo(dir.resolve("a.png"), 10, 10, 1);
    Path plain = Files.writeString(dir.resolve("plain.json"),
        "{\"name\": \"p\", \"images\": {\"a\": {\"width\": 2, \"height\": 2}}, \"steps\": [], \"output\": \"a\"}");
    assertUserError(Cli.run("render", recipe.toString(), "-o", dir.resolve("o.png").toString(), "--backend", "cpu"),
        "loads \"$input\": give the image with --input FILE");
    assertUserError(Cli.run("render", plain.toString(), "--input", dir.resolve("a.png").toString(), "-o",
        dir.resolve("o.png").toString(), "--backend", "cpu"), "has no image {\"load\": \"$input\"}");
    assertUserError(Cli.run("render", recipe.toString(), "--input", dir.resolve("nope.png").toString(), "-o",
        dir.resolve("o.png").toString(), "--backend", "cpu"), "nope.png");
    Cli.Result ok = Cli.run("render", recipe.toString(), "--input", dir.resolve("a.png").toString(), "-o",
        dir.resolve("o.png").toString(), "--backend", "cpu");
    assertEquals(0, ok.exit(), ok.err());
    assertEquals(24, ImageIO.read(dir.resolve("o.png").toFile()).getWidth(), "resized to 24 wide");
  }

  @Test
  void progressLinesWhenNotOnATerminal() throws IOException {
    Path recipe = recipe();
    for (int i = 0; i < 6; i++) {
      photo(dir.resolve("in/p" + i + ".png"), 120, 90, i);
    }
    Cli.Result r = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
        dir.resolve("out").toString(), "--backend", "cpu", "--jobs", "1", "--progress-interval", "0.01");
    assertEquals(0, r.exit(), r.err());
    Pattern line = Pattern.compile("batch: \\d+/6 \\(\\d+%\\), \\d+ failed, \\d+\\.\\d images/s, ETA (\\d+ s|unknown)");
    List<String> lines = r.err().lines().toList();
    assertFalse(lines.isEmpty());
    for (String l : lines) {
      assertTrue(line.matcher(l).matches(), "progress line: '" + l + "'");
      assertFalse(l.contains("\r"), "no carriage returns off a terminal");
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("batch: 6/6 (100%), 0 failed, "), lines.toString());
  }

  @Test
  void theProgressBarShowsCountRateAndEta() {
    BatchStats s = new BatchStats(300, 0, 4, List.of("cuda:0"));
    for (int i = 0; i < 120; i++) {
      s.succeeded();
    }
    String bar = BatchProgress.bar(s);
    assertTrue(Pattern.matches("\\[#{9}-{15}\\] 120/300  40%  \\d+\\.\\d img/s  ETA \\d+:\\d\\d", bar), bar);
  }

  @Test
  void cancellingFinishesTheFilesInFlightAndLeavesNoPartialOutput() throws Exception {
    Path recipe = recipe();
    List<BatchInputs.Item> items = new ArrayList<>();
    Path out = dir.resolve("out");
    for (int i = 0; i < 40; i++) {
      Path f = dir.resolve("in/p" + i + ".png");
      photo(f, 160, 120, i);
      items.add(new BatchInputs.Item(f, out.resolve("p" + i + ".png")));
    }
    BatchPipeline pipeline = new BatchPipeline(RecipeParser.parse(recipe), dir,
        new BatchPipeline.Settings(BackendKind.CPU, List.of(), 1, 2, "png", -1, false));
    AtomicReference<Thread> canceller = new AtomicReference<>();
    BatchStats stats = pipeline.run(pipeline.createJobs(), items, s -> {
      Thread t = new Thread(() -> {
        while (s.done() < 3) {
          Thread.onSpinWait();
        }
        pipeline.cancel();
      });
      t.setDaemon(true);
      t.start();
      canceller.set(t);
    });
    canceller.get().join();
    assertTrue(pipeline.cancelled());
    assertTrue(stats.notStarted() > 0, "files after the cancel were not started: " + stats.notStarted());
    assertEquals(40, stats.ok() + stats.notStarted(), "every started file was finished");
    List<Path> written = files(out);
    assertEquals(stats.ok(), written.size());
    for (Path p : written) {
      assertNotNull(ImageIO.read(p.toFile()), "a complete PNG: " + p);
    }
    assertNoTempFiles(out);
  }

  @Test
  void aTerminatedProcessFinishesTheFilesInFlightAndLeavesNoPartialOutput() throws Exception {
    Path recipe = recipe();
    for (int i = 0; i < 150; i++) {
      photo(dir.resolve("in/p" + i + ".png"), 320, 240, i);
    }
    Path out = dir.resolve("out");
    String classpath = Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
        + Files.readString(Path.of("target/runtime-classpath.txt")).trim();
    List<String> command = new ArrayList<>(List.of(io.jimagecuda.testing.JavaProcess.java()));
    command.addAll(io.jimagecuda.testing.JavaProcess.quietOptions(false));
    command.addAll(List.of("-cp", classpath, "io.jimagecuda.cli.Main", "batch", recipe.toString(),
        dir.resolve("in").toString(), "--out", out.toString(), "--backend", "cpu", "--jobs", "1",
        "--progress", "off"));
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!hasPng(out)
        && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "still running when the first output appeared");
    p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C's SIGINT
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "stopped");
    String stdout = Files.readString(dir.resolve("stdout.txt"));
    assertTrue(stdout.contains("not started (interrupted)"), stdout + Files.readString(dir.resolve("stderr.txt")));
    List<Path> written = files(out);
    assertTrue(written.size() < 150, "it stopped early: " + written.size());
    for (Path f : written) {
      assertNotNull(ImageIO.read(f.toFile()), "a complete PNG: " + f);
    }
    assertNoTempFiles(out);
    java.util.regex.Matcher ok = Pattern.compile("batch: (\\d+) ok").matcher(stdout);
    assertTrue(ok.find(), stdout);
    assertEquals(written.size(), Integer.parseInt(ok.group(1)), "the summary counts what is on disk");
  }

  @Test
  void aBrokenDeviceFailsOnlyItsWorkersFilesAndTheOthersFinish() throws Exception {
    Path recipe = recipe();
    List<BatchInputs.Item> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Path f = dir.resolve("in/p" + i + ".png");
      photo(f, 40, 30, i);
      items.add(new BatchInputs.Item(f, dir.resolve("out/p" + i + ".png")));
    }
    // Two workers; worker 0's "device" is broken: every render fails with a CUDA error.
    BatchPipeline.RenderStep broken = (job, worker, pixels, stats) -> {
      if (worker == 0) {
        throw new io.jimagecuda.CudaException("cuLaunchKernel", 700, "CUDA_ERROR_ILLEGAL_ADDRESS", "forced fault");
      }
      try {
        Thread.sleep(5); // the healthy worker is slower, so the broken one certainly takes files
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return BatchPipeline.render(job, pixels, stats);
    };
    BatchPipeline pipeline = new BatchPipeline(RecipeParser.parse(recipe), dir,
        new BatchPipeline.Settings(BackendKind.CPU, List.of(), 2, 2, "png", -1, false), broken);
    BatchStats stats = pipeline.run(pipeline.createJobs(), items, s -> { });
    assertTrue(stats.failed() >= 1 && stats.failed() <= BatchPipeline.DEVICE_FAULT_LIMIT, "failed " + stats.failed());
    assertEquals(30, stats.ok() + stats.failed(), "the healthy worker finished the rest");
    assertEquals(0, stats.renderedBy(0));
    assertEquals(stats.ok(), stats.renderedBy(1));
    for (BatchStats.Failure f : stats.failures()) {
      assertEquals("render on cpu", f.stage());
      assertTrue(f.reason().contains("forced fault"), f.reason());
    }
    assertEquals(1, stats.notices().size(), stats.notices().toString());
    assertTrue(stats.notices().get(0).startsWith("a worker of cpu stopped after 3 CUDA errors in a row"),
        stats.notices().toString());
    assertEquals(stats.ok(), files(dir.resolve("out")).size());

    // Every worker broken: nothing is written, every file fails with the reason.
    BatchPipeline allBroken = new BatchPipeline(RecipeParser.parse(recipe), dir,
        new BatchPipeline.Settings(BackendKind.CPU, List.of(), 2, 2, "png", -1, true), (job, worker, pixels, s) -> {
          throw new io.jimagecuda.CudaException("cuLaunchKernel", 700, "CUDA_ERROR_ILLEGAL_ADDRESS", "forced fault");
        });
    BatchStats none = allBroken.run(allBroken.createJobs(), items, s -> { });
    assertEquals(0, none.ok());
    assertEquals(30, none.failed());
    assertTrue(none.failures().stream().filter(f -> f.reason().startsWith("no working device left: a worker of cpu"))
        .count() >= 30 - 2 * BatchPipeline.DEVICE_FAULT_LIMIT, none.failures().toString());
    assertNoTempFiles(dir.resolve("out"));
  }

  /** On the GPU machine: the same files on CUDA device 0 against the CPU backend. */
  @GpuOnly
  @Nested
  class OnTheGpu {
    @Test
    void cudaDeviceZeroMatchesTheCpuAndCountsItsImages() throws IOException {
      Path recipe = recipe();
      for (int i = 0; i < 8; i++) {
        photo(dir.resolve("in/p" + i + ".png"), 300 + i, 200, i);
      }
      Cli.Result cpu = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
          dir.resolve("cpu").toString(), "--backend", "cpu", "--progress", "off");
      assertEquals(0, cpu.exit(), cpu.err());
      Cli.Result cuda = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
          dir.resolve("cuda").toString(), "--devices", "0", "--progress", "off", "--stats");
      assertEquals(0, cuda.exit(), cuda.err());
      assertTrue(cuda.out().contains("images per device: cuda:0 8;"), cuda.out());
      for (int i = 0; i < 8; i++) {
        BufferedImage a = ImageIO.read(dir.resolve("cpu/p" + i + ".png").toFile());
        BufferedImage b = ImageIO.read(dir.resolve("cuda/p" + i + ".png").toFile());
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        for (int y = 0; y < a.getHeight(); y++) {
          for (int x = 0; x < a.getWidth(); x++) {
            int p = a.getRGB(x, y);
            int q = b.getRGB(x, y);
            for (int shift = 0; shift < 32; shift += 8) {
              int d = Math.abs((p >>> shift & 255) - (q >>> shift & 255));
              assertTrue(d <= 1, "p" + i + " pixel " + x + "," + y + " channel differs by " + d);
            }
          }
        }
      }
    }

    @Test
    void aDeviceThatDoesNotExistIsAUserError() throws IOException {
      Path recipe = recipe();
      photo(dir.resolve("in/a.png"), 10, 10, 1);
      int missing = io.jimagecuda.JImageCuda.cudaDeviceCount();
      Cli.Result r = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
          dir.resolve("out").toString(), "--devices", "0," + missing);
      assertUserError(r, "CUDA device " + missing + " does not exist");
      assertFalse(Files.exists(dir.resolve("out/a.png")));
    }

    // Launches kernels from two threads at once: compute-sanitizer's racecheck loses track of such launches
    // ("Internal Sanitizer Error: Detected a failure to track a kernel launch") and can hang; dev/sanitize.sh
    // leaves the tag out of racecheck runs (docs/reliability.md).
    @Tag("host-threads")
    @Test
    void twoWorkersOnOneDeviceShareTheWork() throws IOException {
      Path recipe = recipe();
      for (int i = 0; i < 12; i++) {
        photo(dir.resolve("in/p" + i + ".png"), 200, 150, i);
      }
      Cli.Result r = Cli.run("batch", recipe.toString(), dir.resolve("in").toString(), "--out",
          dir.resolve("out").toString(), "--devices", "0", "--device-workers", "2", "--progress", "off", "--stats");
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("images per device: cuda:0 12;"), r.out());
      assertTrue(r.out().contains("| recipe | 2 device workers | "), r.out());
    }
  }
}
