package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.studio.Studio;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jimagecuda studio RECIPE}: the live recipe editor ({@link Studio}). */
@Command(name = "studio", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Edit a recipe live: its steps on the left, each parameter a control (sliders, colour "
        + "pickers, drop-downs, check boxes), the result on the right, rendered again as a value changes.",
        "Save writes the recipe back to RECIPE and the result next to it as a PNG (name.json -> name.png)."})
final class StudioCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe file (JSON); inputs are read from its "
      + "directory.")
  Path recipe;

  @Option(names = "--backend", paramLabel = "cpu|cuda", converter = Main.BackendConverter.class,
      description = "The backend to render on (default: CUDA when available, else CPU).")
  BackendKind backend;

  @Option(names = "--screenshot", paramLabel = "PNG",
      description = "Save a screenshot of the window as PNG once the first frame is shown, then close it.")
  Path screenshot;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isRegularFile(recipe)) {
      throw new ParameterException(spec.commandLine(), "RECIPE: no such file: " + recipe);
    }
    if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
      throw new ParameterException(spec.commandLine(), "no display to open a window on (DISPLAY and "
          + "WAYLAND_DISPLAY are unset)");
    }
    BackendKind kind = backend != null ? backend : JImageCuda.defaultBackend();
    PrintWriter log = spec.commandLine().getOut();
    Studio studio = Studio.open(recipe, kind);
    try {
      studio.awaitIdle();
      Screenshots.settle(studio.frame());
      log.printf(Locale.ROOT, "studio: %s on %s, first frame %.2f ms; %s%n", recipe, kind.id(),
          studio.lastFrameMillis(), Screenshots.describe(studio.panel()));
      log.flush();
      if (screenshot != null) {
        Screenshots.save(studio.frame(), screenshot);
        log.println("studio: saved a screenshot to " + screenshot);
      } else {
        studio.awaitClosed();
      }
    } finally {
      studio.close();
      studio.awaitClosed();
    }
    return 0;
  }
}
