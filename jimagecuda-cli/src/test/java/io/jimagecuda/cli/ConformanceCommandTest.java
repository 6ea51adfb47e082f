package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.JImageCuda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a small kit of four cases: one passes, one runs an effect and passes, one is 5 levels off, one has a
 * tolerance. (Cases using an op without a binding are skipped; the command always has every op of the
 * vocabulary, so that path is tested at the registry level, in the recipe module's {@code RecipeRunnerTest}.)
 */
class ConformanceCommandTest {
  @TempDir
  Path kit;

  private void addCase(String name, String steps, String extra) throws IOException {
    Files.writeString(kit.resolve("cases/" + name + ".json"), "{\"name\": \"" + name + "\", \"images\": "
        + "{\"img\": {\"width\": 4, \"height\": 4}}, \"steps\": [" + steps + "], \"output\": \"img\"" + extra + "}");
  }

  private static String grey(double v) {
    return "{\"op\": \"fill.color\", \"image\": \"img\", \"rgba\": [" + v + ", " + v + ", " + v + ", 1.0]}";
  }

  @BeforeEach
  void makeKit() throws IOException {
    Files.createDirectories(kit.resolve("cases"));
    Files.createDirectories(kit.resolve("expected"));
    Files.createDirectories(kit.resolve("inputs"));
    addCase("exact", grey(0.2), "");                       // 51
    Png.write(kit.resolve("expected/exact.png"), 4, 4, 0xFF_33_33_33);
    addCase("off", grey(0.2), "");                         // expected 56: 5 levels off
    Png.write(kit.resolve("expected/off.png"), 4, 4, 0xFF_38_38_38);
    addCase("tolerant", grey(0.2), ", \"tolerance\": {\"psnr\": 30, \"maxdiff\": null}");
    Png.write(kit.resolve("expected/tolerant.png"), 4, 4, 0xFF_38_38_38);
    // A grey is far from the green key (D ≥ 1): the chroma key leaves it as it is.
    addCase("keyed", grey(0.2) + ", {\"op\": \"effect.chromaKey\", \"image\": \"img\", \"keyColor\": [0.0, 1.0, 0.0], \"threshold\": 0.4, \"smoothness\": 0.1, \"spillSuppression\": 0.5}", "");
    Png.write(kit.resolve("expected/keyed.png"), 4, 4, 0xFF_33_33_33);
  }

  @Test
  void printsOneLinePerCaseAndASummaryAndFailsIfACaseFails() {
    Cli.Result r = Cli.run("conformance", kit.toString(), "--backend", "cpu");
    assertEquals(1, r.exit(), r.err());
    List<String> lines = r.out().lines().filter(l -> !l.startsWith("#")).toList();
    assertEquals(5, lines.size(), r.out());
    assertEquals("exact                        PASS  PSNR    inf dB  max   0  mean  0.0000  differing       0  >1"
        + "       0  >3       0", lines.get(0));
    assertEquals("keyed                        PASS  PSNR    inf dB  max   0  mean  0.0000  differing       0  >1"
        + "       0  >3       0", lines.get(1));
    // 5 levels on 3 of 4 channels: MSE 18.75, PSNR 35.40 dB.
    assertEquals("off                          FAIL  PSNR  35.40 dB  max   5  mean  3.7500  differing      16  >1"
        + "      16  >3      16  (PSNR 35.40 dB < 40.0)", lines.get(2));
    assertTrue(lines.get(3).startsWith("tolerant                     PASS  PSNR  35.40 dB  max   5"), lines.get(3));
    assertEquals("3 passed, 1 failed, 0 skipped", lines.get(4));
  }

  @Test
  void caseSelectsCasesAndSaveWritesTheirImages() throws IOException {
    Path saved = kit.resolve("saved");
    Cli.Result r = Cli.run("conformance", kit.toString(), "--backend", "cpu", "--case", "exact", "--save",
        saved.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().endsWith("1 passed, 0 failed, 0 skipped\n"), r.out());
    assertEquals(0xFF_33_33_33, Png.read(saved.resolve("exact.png")).getRGB(3, 3));
  }

  @Test
  void aCaseWithoutExpectedImageFails() throws IOException {
    Files.delete(kit.resolve("expected/exact.png"));
    Cli.Result r = Cli.run("conformance", kit.toString(), "--backend", "cpu", "--case", "exact");
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("exact                        FAIL  no expected image "), r.out());
  }

  @Test
  void userErrors() {
    Cli.Result unknown = Cli.run("conformance", kit.toString(), "--case", "nope");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("jimagecuda conformance: unknown case 'nope'"), unknown.err());

    Cli.Result notKit = Cli.run("conformance", kit.resolve("cases").toString());
    assertEquals(2, notKit.exit());
    assertTrue(notKit.err().contains("is not a conformance kit: it has no cases/ directory"), notKit.err());

    Cli.Result both = Cli.run("conformance", kit.toString(), "--backend", "cpu", "--compare-backends");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
  }

  @Test
  void compareBackendsNeedsCuda() {
    Assumptions.assumeFalse(JImageCuda.isCudaAvailable(), "CUDA is available here");
    Cli.Result r = Cli.run("conformance", kit.toString(), "--compare-backends");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("jimagecuda conformance: --compare-backends needs the CUDA backend: "), r.err());
  }
}
