package io.jimagecuda.recipe;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the conformance kit for tests: {@code -Djimagecuda.conformance.dir}, else next to the repo. */
final class KitLocation {
  static final String MISSING = "conformance kit not found (looked in <repo>/shared/conformance and "
      + "<repo>/../shared/conformance; set -Djimagecuda.conformance.dir=DIR)";

  private KitLocation() {
  }

  /** The kit directory, or {@code null} if there is none. */
  static Path find() {
    String configured = System.getProperty("jimagecuda.conformance.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    // Tests run in the module directory; the repository root is its parent.
    Path root = Path.of("").toAbsolutePath().getParent();
    for (Path candidate : new Path[] {root.resolve("shared/conformance"), root.resolve("../shared/conformance")}) {
      if (Files.isDirectory(candidate.resolve("cases"))) {
        return candidate.normalize();
      }
    }
    return null;
  }
}
