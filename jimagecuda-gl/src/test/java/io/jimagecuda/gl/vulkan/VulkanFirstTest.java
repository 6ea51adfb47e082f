package io.jimagecuda.gl.vulkan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.gl.context.GlEnvironment;
import io.jimagecuda.testing.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting Vulkan before any OpenGL prepares the GL environment first: NVIDIA's Vulkan driver loads the
 * core library its OpenGL driver shares, after which the interop fix comes too late (found on the H200: a
 * Vulkan test before the GL tests left {@code APPLIED_LATE} and empty frames). In a child JVM, as the
 * environment is prepared once per process; with or without a Vulkan driver (CI has none).
 */
class VulkanFirstTest {
  @Test
  void vulkanPreparesTheGlEnvironmentBeforeLoadingItsDriver(@TempDir Path dir) throws Exception {
    JavaProcess.Result r = JavaProcess.runMain(dir, Child.class, 60);
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals("before: NOT_RUN", lines.get(0), r.toString());
    // APPLIED, or USER_VALUE / OPTED_OUT where the environment says so; never NOT_RUN or APPLIED_LATE
    String after = lines.get(1);
    assertTrue(after.equals("after: APPLIED") || after.equals("after: USER_VALUE")
        || after.equals("after: OPTED_OUT"), r.toString());
  }

  /** Asks for a Vulkan image first thing, then reports the environment's state. */
  static final class Child {
    public static void main(String[] args) {
      System.out.println("before: " + GlEnvironment.state());
      try {
        VulkanSharedImage.create(new byte[16], 4, 4).close();
      } catch (VulkanException | UnsatisfiedLinkError | IllegalStateException e) {
        // no Vulkan loader or no device with that UUID (all zero): expected; the order is what is tested
      }
      System.out.println("after: " + GlEnvironment.state());
    }
  }
}
