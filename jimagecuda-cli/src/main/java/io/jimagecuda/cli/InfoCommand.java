package io.jimagecuda.cli;

import io.jimagecuda.BackendKind;
import io.jimagecuda.Config;
import io.jimagecuda.JImageCuda;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jimagecuda info}: which backend runs by default and why, and what each backend runs on. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show the default backend and why, the CUDA device (name, compute capability, memory, "
        + "driver) and the CPU backend's threads.")
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
    return 0;
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
