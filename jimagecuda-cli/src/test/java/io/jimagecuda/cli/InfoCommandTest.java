package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.JImageCuda;
import io.jimagecuda.gl.PresentPath;
import io.jimagecuda.testing.JavaProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InfoCommandTest {
  @Test
  void printsTheDefaultBackendWithItsReasonAndBothBackends() {
    Cli.Result r = Cli.run("info");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    String expected = JImageCuda.defaultBackend().id() + " (";
    assertTrue(lines.get(0).startsWith("default backend: " + expected), lines.get(0));
    assertTrue(lines.get(0).contains(JImageCuda.isCudaAvailable() ? "CUDA is available" : "CUDA is unavailable")
        || lines.get(0).contains("requested by jimagecuda.backend"), lines.get(0));
    assertEquals("cuda:            " + (JImageCuda.isCudaAvailable() ? JImageCuda.describe(BackendKind.CUDA)
        : "unavailable: " + JImageCuda.cudaStatus()), lines.get(1));
    assertEquals("cpu:             " + JImageCuda.describe(BackendKind.CPU), lines.get(2));
    assertTrue(lines.get(2).contains("thread(s)"), lines.get(2));
  }

  /** CI has Mesa's EGL: a software renderer and the CPU path (all paths are allowed, for the GPU machine). */
  @Test
  void printsTheOpenGlRendererAndThePresentPathWithItsReason() {
    Cli.Result r = Cli.run("info");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(4).matches("opengl:          EGL \\w+ \\(.*\\): .*, OpenGL .*"), lines.get(4));
    String paths = Arrays.stream(PresentPath.values()).map(Enum::name).collect(Collectors.joining("|"));
    assertTrue(lines.get(5).matches("present path:    (" + paths + ") \\(.+\\)"), lines.get(5));
    if (!JImageCuda.isCudaAvailable()) {
      assertTrue(lines.get(5).startsWith("present path:    CPU_UPLOAD (the default backend is cpu; "), lines.get(5));
    }
    assertEquals("", r.err());
  }

  /** Without an EGL library the command still succeeds and says why OpenGL is unavailable. */
  @Test
  void withoutOpenGlInfoStillSucceeds() throws Exception {
    List<String> command = new ArrayList<>(List.of(JavaProcess.java()));
    command.addAll(JavaProcess.quietOptions(false));
    command.addAll(List.of("-Dorg.lwjgl.egl.libname=libEGL-missing.so.1", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "info"));
    JavaProcess.Result r = JavaProcess.run(new ProcessBuilder(command).redirectErrorStream(true), 60);
    String out = r.out();
    assertEquals(0, r.exit(), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("opengl:          unavailable: ")
        && l.contains("libEGL-missing")), out);
  }
}
