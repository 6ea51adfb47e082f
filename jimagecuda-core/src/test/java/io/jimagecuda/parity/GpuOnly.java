package io.jimagecuda.parity;

import io.jimagecuda.JImageCuda;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class or method that needs the CUDA backend: tagged {@code gpu} (the GPU machine runs
 * exactly these with {@code dev/gpu-tests.sh}) and reported as skipped, with the reason
 * "no CUDA device: ...", wherever the backend cannot start (CI). Shared with the other modules through
 * core's test jar.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("gpu")
@ExtendWith(GpuOnly.CudaAvailable.class)
public @interface GpuOnly {
  /** Enables the test only where {@link JImageCuda#isCudaAvailable()}. */
  final class CudaAvailable implements ExecutionCondition {
    private static final java.util.concurrent.atomic.AtomicBoolean REPORTED =
        new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (JImageCuda.isCudaAvailable()) {
        return ConditionEvaluationResult.enabled(JImageCuda.cudaStatus());
      }
      String reason = "no CUDA device: " + JImageCuda.cudaStatus();
      if (!REPORTED.getAndSet(true)) {
        // Once per test JVM, in the build log (Surefire lists skipped counts, not reasons).
        System.out.println("[gpu tests] skipped in this module: " + reason);
      }
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
