package io.jimagecuda.gl;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jimagecuda.BackendUnavailableException;
import org.lwjgl.opengl.GL;

/**
 * Fuzzes the argument handling of {@link Presenter#create} and {@link GLResource}'s constructor without an
 * OpenGL context (what can run in any JVM): every call must end in {@link IllegalArgumentException} (a bad
 * size, PBO id or path), {@link IllegalStateException} (no context) or {@link BackendUnavailableException}
 * (a CUDA path without CUDA); never a call into OpenGL without a context (a native crash), a
 * {@link NullPointerException} or another exception.
 *
 * <p>In a normal build this runs the inputs under {@code src/test/resources/io/jimagecuda/gl/
 * PresenterArgumentsFuzzTestInputs/arguments} (regression mode); see docs/reliability.md for fuzzing.
 */
class PresenterArgumentsFuzzTest {
  @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
  void arguments(FuzzedDataProvider data) {
    if (contextCurrent()) {
      return; // another test left a context current on this thread: the calls would really run
    }
    PresentPath[] paths = PresentPath.values();
    int choice = data.consumeInt(0, paths.length);
    PresentPath path = choice == paths.length ? null : paths[choice];
    int width = data.consumeInt();
    int height = data.consumeInt();
    int pbo = data.consumeInt();
    try {
      Presenter p = path == null ? Presenter.create(width, height) : Presenter.create(width, height, path);
      p.close();
      throw new AssertionError("a presenter was created without an OpenGL context: " + p);
    } catch (IllegalArgumentException | IllegalStateException | BackendUnavailableException e) {
      requireMessage(e);
    }
    try {
      GLResource r = new GLResource(pbo, path);
      r.free();
      throw new AssertionError("a GLResource was created without an OpenGL context: " + r);
    } catch (IllegalArgumentException | IllegalStateException | BackendUnavailableException e) {
      requireMessage(e);
    }
  }

  private static void requireMessage(RuntimeException e) {
    if (e.getMessage() == null || e.getMessage().isBlank()) {
      throw new AssertionError("an exception without a message", e);
    }
  }

  private static boolean contextCurrent() {
    try {
      GL.getCapabilities();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
