package io.jimagecuda.recipe;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one conformance case.
 *
 * @param name the case name
 * @param status pass, fail or skip
 * @param detail why it failed or was skipped; empty when it passed
 * @param comparison the metrics, or {@code null} when no image was compared (skipped, or failed before
 *     comparing)
 */
public record CaseResult(String name, Status status, String detail, @Nullable Comparison comparison) {
  /** Whether a case passed, failed or could not run here. */
  public enum Status {
    /** Rendered and within tolerance. */
    PASS,
    /** Rendered outside tolerance, or broke while loading, running or comparing. */
    FAIL,
    /** Not run: it uses an op that is not implemented yet. */
    SKIP
  }
}
