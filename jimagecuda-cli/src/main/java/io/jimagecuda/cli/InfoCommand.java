package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Config;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.Presenter;
import io.jimagecuda.gl.context.EglContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jimagecuda info}: which backend runs by default and why, what each backend runs on, and OpenGL: the
 * renderer of a headless context and the present path {@code Presenter.create} chooses there, and why. Never
 * fails because OpenGL is missing: it says why instead.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show the default backend and why, the CUDA device (name, compute capability, memory, "
        + "driver), the CPU backend's threads, and OpenGL: the renderer of a headless (EGL) context and the "
        + "present path chosen there, and why (or why OpenGL is unavailable).")
final class InfoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean cuda = JImageCuda.isCudaAvailable();
    out.println("default backend: " + defaultBackend(cuda));
    out.println("cuda:            " + (cuda ? JImageCuda.describe(BackendKind.CUDA)
        : "unavailable: " + JImageCuda.cudaStatus()));
    out.println("cpu:             " + JImageCuda.describe(BackendKind.CPU));
    out.println("java:            " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
        + Runtime.getRuntime().availableProcessors() + " processors");
    opengl(out);
    return 0;
  }

  /**
   * Opens a headless context and prints its renderer and the present path {@link Presenter#create} picks, or
   * why OpenGL (or the presenter) is unavailable here.
   */
  private static void opengl(PrintWriter out) {
    try (EglContext gl = EglContext.open()) {
      out.println("opengl:          " + gl.describe());
      out.println("present path:    " + presentPath());
    } catch (RuntimeException | LinkageError e) {
      out.println("opengl:          unavailable: " + e.getMessage());
    }
  }

  private static String presentPath() {
    try (Presenter p = Presenter.create(64, 64)) {
      return p.path() + " (" + p.pathReason() + ")";
    } catch (RuntimeException e) {
      return "none: Presenter.create failed: " + e.getMessage();
    }
  }

  private static String defaultBackend(boolean cuda) {
    BackendKind kind;
    try {
      kind = JImageCuda.defaultBackend();
    } catch (RuntimeException e) {
      return "none: " + e.getMessage();
    }
    String why = Config.requestedBackend() != null ? "requested by jimagecuda.backend / JIMAGECUDA_BACKEND"
        : cuda ? "automatic: CUDA is available" : "automatic: CUDA is unavailable";
    return kind.id() + " (" + why + ")";
  }
}
