package io.jimagecuda.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped {@code getGpusResources.sh}, run with a fake {@code nvidia-smi} first on PATH. */
class DiscoveryScriptTest {
  @TempDir
  Path dir;

  /** Copies the script out of the jar's resources, as a user does, and makes it executable. */
  static Path extractScript(Path dir) throws IOException {
    Path script = dir.resolve("getGpusResources.sh");
    try (InputStream in = DiscoveryScriptTest.class.getResourceAsStream("getGpusResources.sh")) {
      assertNotNull(in, "getGpusResources.sh is not in the jar's resources next to JImageCudaSpark");
      Files.copy(in, script);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** A fake nvidia-smi in {@code bin} that prints {@code output} and exits with {@code status}. */
  private Path fakeNvidiaSmi(String output, int status) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path smi = bin.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\n"
        + "[ \"$1 $2\" = \"--query-gpu=index --format=csv,noheader\" ] || { echo \"unexpected: $*\" >&2; exit 9; }\n"
        + "printf '" + output + "'\nexit " + status + "\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  private record Run(int status, String stdout, String stderr) {
  }

  private Run run(String path) throws IOException, InterruptedException {
    Path script = extractScript(dir);
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString());
    pb.environment().put("PATH", path);
    Process p = pb.start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script did not finish in 30 s");
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
  }

  @Test
  void reportsEachGpuIndexAsSparkParsesIt() throws Exception {
    Path bin = fakeNvidiaSmi("0\\n1\\n2\\n3\\n", 0);
    Run r = run(bin + ":/usr/bin:/bin");
    assertEquals(0, r.status(), r.stderr());
    assertEquals("{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\",\"2\",\"3\"]}", r.stdout());
    ResourceInformation parsed = ResourceInformation.parseJson(r.stdout());
    assertEquals("gpu", parsed.name());
    assertEquals(List.of("0", "1", "2", "3"), List.of(parsed.addresses()));
  }

  @Test
  void oneGpu() throws Exception {
    Run r = run(fakeNvidiaSmi("0\\n", 0) + ":/usr/bin:/bin");
    assertEquals("{\"name\":\"gpu\",\"addresses\":[\"0\"]}", r.stdout());
  }

  @Test
  void aFailingNvidiaSmiReportsNoGpuAndWhy() throws Exception {
    Run r = run(fakeNvidiaSmi("No devices were found\\n", 6) + ":/usr/bin:/bin");
    assertEquals(0, r.status());
    assertEquals("{\"name\":\"gpu\",\"addresses\":[]}", r.stdout());
    assertTrue(r.stderr().contains("nvidia-smi failed") && r.stderr().contains("No devices were found"), r.stderr());
    assertEquals(0, ResourceInformation.parseJson(r.stdout()).addresses().length);
  }

  @Test
  void withoutNvidiaSmiReportsNoGpuAndWhy() throws Exception {
    Run r = run(Files.createDirectories(dir.resolve("empty")).toString());
    assertEquals(0, r.status());
    assertEquals("{\"name\":\"gpu\",\"addresses\":[]}", r.stdout());
    assertTrue(r.stderr().contains("nvidia-smi not found"), r.stderr());
  }
}
