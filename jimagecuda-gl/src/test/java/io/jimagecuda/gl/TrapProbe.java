package io.jimagecuda.gl;

import io.jimagecuda.CudaException;
import io.jimagecuda.gl.context.EglContext;

/**
 * A separate process for {@link GLResourceGpuTest}: {@code register} tries CUDA registration and prints
 * the outcome (run with the name-trap fix turned off); {@code leak} leaves an EGL context current at exit.
 */
final class TrapProbe {
  private TrapProbe() {
  }

  public static void main(String[] args) {
    EglContext gl = EglContext.open();
    int pbo = GLResourceTest.pbo(64);
    if (args[0].equals("leak")) {
      System.out.println("context left open: " + gl.describe());
      return;
    }
    try (GLResource res = new GLResource(pbo, PresentPath.CUDA_MAPPED_PBO)) {
      System.out.println("registered: " + res);
    } catch (CudaException e) {
      System.out.println("refused: " + e.getMessage());
    }
    gl.close();
  }
}
