package io.jimagecuda.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jimagecuda.BackendKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the conformance kit ({@code ../shared/conformance} from the repository root) on the CPU
 * backend: cases whose ops are all implemented must pass; the others are skipped, each with the op that
 * is missing. Each case's result is printed to the build log ({@code redirectTestOutputToFile} is off in
 * this module), skipped cases with their reason. The whole test is skipped, with the reason, when the kit
 * is not there.
 */
class ConformanceTest {
  @TestFactory
  Stream<DynamicTest> kitCasesPassOnTheCpu() throws IOException {
    Path dir = KitLocation.find();
    if (dir == null) {
      System.out.println("ConformanceTest skipped: " + KitLocation.MISSING);
    }
    Assumptions.assumeTrue(dir != null, KitLocation.MISSING);
    ConformanceKit kit = new ConformanceKit(dir);
    return kit.cases().stream().map(name -> dynamicTest(name, () -> {
      CaseResult r = kit.run(name, BackendKind.CPU, null);
      System.out.printf("conformance %-28s %-4s %s%n", name, r.status(),
          r.comparison() == null ? r.detail() : r.comparison() + (r.detail().isEmpty() ? "" : "; " + r.detail()));
      Assumptions.assumeTrue(r.status() != CaseResult.Status.SKIP, () -> name + " skipped: " + r.detail());
      assertEquals(CaseResult.Status.PASS, r.status(), () -> name + ": " + r.detail()
          + (r.comparison() == null ? "" : " (" + r.comparison() + ")"));
    }));
  }
}
