package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code batch} finds its inputs and names its outputs. */
class BatchInputsTest {
  @TempDir
  Path dir;

  private Path touch(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "x");
  }

  private static List<String> outputs(BatchInputs in, Path out) {
    return in.items().stream().map(i -> out.relativize(i.output()).toString()).toList();
  }

  @Test
  void directoriesAreWalkedAndMirroredSkippingOtherFilesHiddenOnesAndTheOutput() throws IOException {
    touch("in/a.JPG");
    touch("in/deep/er/b.webp");
    touch("in/.hidden.png");
    touch("in/readme.txt");
    touch("in/out/old.png"); // the output directory inside the input directory
    Path out = dir.resolve("in/out");
    BatchInputs in = BatchInputs.expand(List.of(dir.resolve("in").toString()), out, "png");
    assertEquals(List.of("a.png", "deep/er/b.png"), outputs(in, out));
    assertEquals(List.of(), in.notes());
  }

  @Test
  void globsMatchFromTheirFirstWildcardAndGiveFlatNames() throws IOException {
    touch("g/x/one.png");
    touch("g/y/two.png");
    touch("g/y/skip.jpg");
    Path out = dir.resolve("out");
    BatchInputs in = BatchInputs.expand(List.of(dir.resolve("g").toString() + "/**/*.png"), out, "jpg");
    assertEquals(List.of("one.jpg", "two.jpg"), outputs(in, out));
    BatchInputs one = BatchInputs.expand(List.of(dir.resolve("g").toString() + "/?/t*.png"), out, "jpg");
    assertEquals(List.of("two.jpg"), outputs(one, out));
  }

  @Test
  void collisionsGetNumberedAndDuplicatesCountOnce() throws IOException {
    Path a = touch("a/pic.png");
    Path b = touch("b/pic.png");
    Path c = touch("b/PIC.jpg");
    Path out = dir.resolve("out");
    BatchInputs in = BatchInputs.expand(List.of(a.toString(), b.toString(), c.toString(), a.toString()), out,
        "png");
    assertEquals(List.of("pic.png", "pic-2.png", "PIC-3.png"), outputs(in, out));
    assertEquals(2, in.notes().size());
    assertTrue(in.notes().get(0).contains("would both write pic.png; writing pic-2.png"), in.notes().toString());
  }

  @Test
  void missingInputsAreNamed() throws IOException {
    Path out = dir.resolve("out");
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> BatchInputs.expand(List.of(dir.resolve("nope.png").toString()), out, "png"));
    assertTrue(none.getMessage().contains("nope.png does not exist"), none.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> BatchInputs.expand(List.of(dir.resolve("empty").toString()), out, "png"));
    assertTrue(empty.getMessage().contains("contains no image files"), empty.getMessage());
    IllegalArgumentException glob = assertThrows(IllegalArgumentException.class,
        () -> BatchInputs.expand(List.of(dir.resolve("nodir").toString() + "/*.png"), out, "png"));
    assertTrue(glob.getMessage().contains("does not exist"), glob.getMessage());
  }
}
