package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the conformance kit ({@code ../shared/conformance} from the repository root) on the CPU
 * backend: cases whose ops are all implemented must pass; the others are skipped, each with the op that
 * is missing. Each case's result is printed to the build log ({@code redirectTestOutputToFile} is off in
 * this module), skipped cases with their reason. The whole test is skipped, with the reason, when the kit
 * is not there.
 *
 * <p>A case listed in {@link #FIXED_BORDERS} fails on purpose: JImageCUDA fixes a reference bug that
 * changes only a frame of pixels along the image's edges (docs/deviations.md gives the figures). Such a
 * case must still pass, with the kit's tolerance, on every pixel inside that frame.
 */
class ConformanceTest {
  /** Case → width in pixels of the edge frame that a documented fix changes. */
  private static final Map<String, Integer> FIXED_BORDERS = Map.of(
      "filter_sharpen_strong", 1); // sharpen: missing neighbours are the edge pixel (Filter, deviations.md)

  @TempDir
  Path saved;

  @TestFactory
  Stream<DynamicTest> kitCasesPassOnTheCpu() throws IOException {
    Path dir = KitLocation.find();
    if (dir == null) {
      System.out.println("ConformanceTest skipped: " + KitLocation.MISSING);
    }
    Assumptions.assumeTrue(dir != null, KitLocation.MISSING);
    ConformanceKit kit = new ConformanceKit(dir);
    return kit.cases().stream().map(name -> dynamicTest(name, () -> {
      Integer frame = FIXED_BORDERS.get(name);
      CaseResult r = kit.run(name, BackendKind.CPU, frame == null ? null : saved);
      System.out.printf("conformance %-28s %-4s %s%n", name, r.status(),
          r.comparison() == null ? r.detail() : r.comparison() + (r.detail().isEmpty() ? "" : "; " + r.detail()));
      Assumptions.assumeTrue(r.status() != CaseResult.Status.SKIP, () -> name + " skipped: " + r.detail());
      if (frame != null) {
        assertPassesInside(dir, name, frame);
        return;
      }
      assertEquals(CaseResult.Status.PASS, r.status(), () -> name + ": " + r.detail()
          + (r.comparison() == null ? "" : " (" + r.comparison() + ")"));
    }));
  }

  /** The saved rendering of {@code name} passes against the expected image {@code frame} pixels in from every edge. */
  private void assertPassesInside(Path kit, String name, int frame) throws IOException {
    ImageFiles files = ImageFiles.standard();
    try (Image expected = files.load(kit.resolve("expected").resolve(name + ".png"), BackendKind.CPU);
        Image actual = files.load(saved.resolve(name + ".png"), BackendKind.CPU)) {
      int w = expected.width();
      int h = expected.height();
      assertTrue(w == actual.width() && h == actual.height() && w > 2 * frame && h > 2 * frame, name + ": size");
      Comparison inside = Comparison.of(w - 2 * frame, h - 2 * frame, crop(HostPixels.rgba8(expected), w, h, frame),
          crop(HostPixels.rgba8(actual), w, h, frame));
      System.out.printf("conformance %-28s      inside the %d-pixel frame that docs/deviations.md explains: %s%n",
          name, frame, inside);
      assertTrue(inside.passes(Tolerance.DEFAULT), () -> name + " inside its frame: " + inside);
    }
  }

  private static byte[] crop(byte[] rgba, int w, int h, int frame) {
    int cw = w - 2 * frame;
    byte[] out = new byte[cw * (h - 2 * frame) * 4];
    for (int y = frame; y < h - frame; y++) {
      System.arraycopy(rgba, (y * w + frame) * 4, out, (y - frame) * cw * 4, cw * 4);
    }
    return out;
  }
}
