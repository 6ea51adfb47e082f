package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.BackendUnavailableException;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.recipe.CaseResult;
import io.jimagecuda.recipe.Comparison;
import io.jimagecuda.recipe.ConformanceKit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda conformance KIT}: renders the kit's cases and compares them with the expected images
 * (or, with {@code --compare-backends}, the CPU result with the CUDA result), one line per case and a
 * summary line last.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = {"Run the cases of a conformance kit (cases/, expected/, inputs/) and compare each result "
        + "with its expected image: PSNR, max and mean abs diff, pixels differing at all, by more than 1 and "
        + "by more than 3. A case passes with PSNR >= 40 dB and max diff <= 3, or its recipe's tolerance.",
        "Cases using ops that are not implemented yet are skipped. Exits with 1 if a case fails."})
final class ConformanceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIT", description = "The kit directory.")
  Path kitDir;

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  /** Either one backend against the expected images, or CPU against CUDA. */
  static final class Mode {
    @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
        description = "The backend to render on (default: CUDA when available, else CPU).")
    BackendKind backend;

    @Option(names = "--compare-backends",
        description = "Render every case on the CPU and on CUDA and compare the two (no expected images).")
    boolean compareBackends;
  }

  @Option(names = "--case", paramLabel = "NAME", description = "Run only this case (repeatable).")
  List<String> only;

  @Option(names = "--save", paramLabel = "DIR", description = "Also write each rendered image to DIR.")
  Path saveDir;

  @Override
  public Integer call() throws IOException {
    ConformanceKit kit = new ConformanceKit(kitDir);
    List<String> all = kit.cases();
    List<String> names = only == null ? all : only;
    for (String name : names) {
      if (!all.contains(name)) {
        throw new IllegalArgumentException("unknown case '" + name + "': " + kitDir.resolve("cases")
            + " has no " + name + ".json");
      }
    }
    if (saveDir != null) {
      Files.createDirectories(saveDir);
    }
    PrintWriter out = spec.commandLine().getOut();
    BackendKind backend = mode.backend != null ? mode.backend : JImageCuda.defaultBackend();
    if (mode.compareBackends) {
      if (!JImageCuda.isCudaAvailable()) {
        throw new BackendUnavailableException("--compare-backends needs the CUDA backend: "
            + JImageCuda.cudaStatus());
      }
      out.println("# " + kit.dir() + ", " + names.size() + " cases: cpu (reference) vs cuda");
      out.println("# " + JImageCuda.describe(BackendKind.CPU));
      out.println("# " + JImageCuda.describe(BackendKind.CUDA));
    } else {
      out.println("# " + kit.dir() + ", " + names.size() + " cases: " + backend.id() + " vs expected images");
      out.println("# " + JImageCuda.describe(backend));
    }

    Map<CaseResult.Status, Integer> counts = new EnumMap<>(CaseResult.Status.class);
    for (String name : names) {
      CaseResult r = mode.compareBackends ? kit.compareBackends(name, saveDir) : kit.run(name, backend, saveDir);
      counts.merge(r.status(), 1, Integer::sum);
      out.println(line(r));
      out.flush();
    }
    int failed = counts.getOrDefault(CaseResult.Status.FAIL, 0);
    out.printf("%d passed, %d failed, %d skipped%n", counts.getOrDefault(CaseResult.Status.PASS, 0), failed,
        counts.getOrDefault(CaseResult.Status.SKIP, 0));
    return failed > 0 ? 1 : 0;
  }

  /** One result line: name, status, the metrics when there are some, and the reason for a failure or skip. */
  static String line(CaseResult r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-28s %-4s", r.name(), r.status()));
    Comparison c = r.comparison();
    if (c != null && c.sameSize()) {
      s.append(String.format(Locale.ROOT, "  PSNR %6s dB  max %3d  mean %7.4f  differing %7d  >1 %7d  >3 %7d",
          Comparison.formatPsnr(c.psnr()), c.maxDiff(), c.meanAbsDiff(), c.pixelsDiffering(), c.pixelsOver1(),
          c.pixelsOver3()));
    }
    if (!r.detail().isEmpty()) {
      s.append("  ").append(c != null && c.sameSize() ? "(" + r.detail() + ")" : r.detail());
    }
    return s.toString();
  }
}
