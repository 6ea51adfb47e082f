package io.jimagecuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.internal.backend.AdjustOps;
import io.jimagecuda.internal.backend.BlendOps;
import io.jimagecuda.internal.backend.ConvertOps;
import io.jimagecuda.internal.backend.EffectOps;
import io.jimagecuda.internal.backend.FillOps;
import io.jimagecuda.internal.backend.ResizeOps;
import io.jimagecuda.internal.backend.TransformOps;
import io.jimagecuda.internal.backend.FilterOps;
import io.jimagecuda.internal.backend.TextOps;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps every operation complete in every layer (style rule "one op = one API method, one kernel, one
 * CPU function, one test class"): for each method {@code m} of a backend {@code *Ops} interface there
 * must be the public API method, the {@code extern "C"} kernel {@code <family>_<m in snake case>} in
 * {@code src/main/cuda}, a CPU and a CUDA implementation (guaranteed by the compiler), the family's
 * test class naming it, and its GPU parity test naming it. A failure lists every missing piece.
 */
class ArchitectureTest {
  /** A family: its contract, its API class, the prefix of its API methods, its kernel prefix, its tests. */
  private record Family(Class<?> ops, Class<?> api, String apiPrefix, String kernelPrefix, String test,
      String parityTest) {
  }

  private static final List<Family> FAMILIES = List.of(
      new Family(FillOps.class, Fill.class, "", "fill", "FillTest", "parity/FillParityTest"),
      new Family(ConvertOps.class, Images.class, "convert", "convert", "ImagesTest", "parity/ConvertParityTest"),
      new Family(AdjustOps.class, Adjust.class, "", "adjust", "AdjustTest", "parity/AdjustParityTest"),
      new Family(BlendOps.class, Blend.class, "", "blend", "BlendTest", "parity/BlendParityTest"),
      new Family(ResizeOps.class, Resize.class, "", "resize", "ResizeTest", "parity/ResizeParityTest"),
      new Family(TransformOps.class, Transform.class, "", "transform", "TransformTest",
          "parity/TransformParityTest"),
      new Family(EffectOps.class, Effect.class, "", "effect", "EffectTest", "parity/EffectParityTest"),
      new Family(FilterOps.class, Filter.class, "", "filter", "FilterTest", "parity/FilterParityTest"),
      new Family(TextOps.class, Text.class, "", "text", "TextTest", "parity/TextParityTest"));

  private static final Path MAIN_CUDA = Path.of("src/main/cuda");
  private static final Path TESTS = Path.of("src/test/java/io/jimagecuda");

  @Test
  void everyOperationIsCompleteInEveryLayer() throws IOException {
    Set<String> kernels = kernels();
    List<String> missing = new ArrayList<>();
    for (Family f : FAMILIES) {
      String test = Files.readString(TESTS.resolve(f.test() + ".java"));
      String parity = Files.readString(TESTS.resolve(f.parityTest() + ".java"));
      for (Method m : f.ops().getDeclaredMethods()) {
        String op = m.getName();
        String apiName = f.apiPrefix().isEmpty() ? op
            : f.apiPrefix() + Character.toUpperCase(op.charAt(0)) + op.substring(1);
        boolean inApi = Arrays.stream(f.api().getMethods())
            .anyMatch(a -> a.getName().equals(apiName) && Modifier.isStatic(a.getModifiers()));
        if (!inApi) {
          missing.add(f.api().getSimpleName() + "." + apiName + " (API method)");
        }
        String kernel = f.kernelPrefix() + "_" + snake(op);
        if (!kernels.contains(kernel)) {
          missing.add(kernel + " (extern \"C\" kernel in src/main/cuda)");
        }
        if (!test.contains(apiName)) {
          missing.add(f.test() + " does not test " + apiName);
        }
        if (!parity.contains(op)) {
          missing.add(f.parityTest() + " does not compare " + op);
        }
      }
    }
    assertEquals(List.of(), missing, "incomplete operations");
  }

  @Test
  void nativeCudaCallsLiveOnlyInTheDriverPackage() throws IOException {
    Path main = Path.of("src/main/java/io/jimagecuda");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("internal/cuda/driver/"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("org.lwjgl.system.JNI");
            } catch (IOException e) {
              throw new RuntimeException(e);
            }
          })
          .map(Path::toString).collect(Collectors.toList());
      assertEquals(List.of(), offenders, "native invokers used outside internal/cuda/driver");
    }
  }

  @Test
  void kernelsAreScannedFromTheSources() throws IOException {
    assertTrue(kernels().contains("convert_float_to_u8"), "the kernel scan found nothing: wrong directory?");
  }

  private static Set<String> kernels() throws IOException {
    Pattern p = Pattern.compile("JC_KERNEL\\s+(\\w+)\\s*\\(");
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(MAIN_CUDA)) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".cu"))::iterator) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
