package io.jimagecuda.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources of this package. */
final class Fixtures {
  private Fixtures() {
  }

  /** The text of resource {@code name}. */
  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resource {@code name} copied to {@code dir}. */
  static Path copy(String name, Path dir) throws IOException {
    return Files.writeString(dir.resolve(name), text(name));
  }
}
