package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.BackendKind;
import io.jimagecuda.JImageCuda;
import java.util.List;
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
}
