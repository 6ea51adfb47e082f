package io.jimagecuda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jimagecuda.gl.PresentPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code jimagecuda bench present} with tiny sizes and few frames: the table's structure, written so that it
 * holds wherever it runs (on Mesa only CPU_UPLOAD and the seed's sequence on it have rows; on the GPU
 * machine every path does).
 */
class BenchPresentCommandTest {
  private static final String SEED = "seed: copyFrom(sync) + glTexSubImage2D";
  private static final Pattern NOTE = Pattern.compile("- ([A-Z_]+(?:, [A-Z_]+)*)(?: at ([0-9x, ]+))?: .+");
  private static final String HEADER =
      "| size | path | hand-off ms | GL ms | fps | hand-off ×(a) | hand-off ×(c) | fps ×(a) | fps ×(c) |";

  @Test
  void printsARowPerAvailablePathAndSizeWithRatiosAgainstAAndC() {
    Cli.Result r = Cli.run("bench", "present", "--sizes", "32x24,45x31", "--frames", "3", "--warmup", "1");
    assertEquals(0, r.exit(), r.err() + r.out());
    List<String> lines = r.out().lines().toList();
    assertEquals("## Present paths, headless: medians of 3 frames after 1 warm-up frames", lines.get(0));
    assertTrue(lines.get(2).startsWith("- OpenGL: EGL "), lines.get(2));
    int header = lines.indexOf(HEADER);
    assertTrue(header > 0, r.out());
    assertEquals("|---|---|---:|---:|---:|---:|---:|---:|---:|", lines.get(header + 1));
    List<String[]> rows = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("| "); i++) {
      String[] cells = lines.get(i).substring(2, lines.get(i).length() - 2).split(" \\| ");
      assertEquals(9, cells.length, lines.get(i));
      rows.add(cells);
    }
    List<String> notes = lines.subList(header + 2 + rows.size(), lines.size()).stream().filter(l -> !l.isEmpty())
        .toList();

    for (String size : new String[] {"32x24", "45x31"}) {
      List<String[]> here = rows.stream().filter(c -> c[0].equals(size)).toList();
      Set<String> names = here.stream().map(c -> c[1]).collect(Collectors.toSet());
      boolean a = names.stream().anyMatch(n -> n.startsWith(SEED + " (") && n.endsWith(") (a)"));
      assertTrue(names.contains("CPU_UPLOAD (c)"), "the CPU path runs everywhere: " + names);
      assertTrue(names.stream().anyMatch(n -> n.startsWith(SEED + " (")), "the seed's sequence: " + names);
      for (PresentPath p : PresentPath.values()) {
        boolean row = names.stream().anyMatch(n -> n.startsWith(p.name()));
        boolean note = notes.stream().anyMatch(n -> noteCovers(n, p, size));
        assertTrue(row != note, p + " at " + size + " needs a row or a note saying why not: " + r.out());
      }
      for (String[] c : here) {
        assertTrue(c[2].matches("\\d+\\.\\d{4}") && c[3].matches("\\d+\\.\\d{3}") && c[4].matches("\\d+\\.\\d"),
            String.join(" | ", c));
        // Ratios: "–" exactly where the reference path is missing.
        assertEquals(!a, c[5].equals("–") && c[7].equals("–"), String.join(" | ", c));
        assertTrue(c[6].matches("[0-9.]+×") && c[8].matches("[0-9.]+×"), String.join(" | ", c));
        if (c[1].equals("CPU_UPLOAD (c)")) {
          assertEquals("1.0×", c[6]);
          assertEquals("1.0×", c[8]);
        }
      }
    }
    assertTrue(notes.stream().noneMatch(n -> n.contains("WRONG PIXELS")), r.out());
    // A path missing for one reason at every size is noted once, not once per size.
    for (PresentPath p : PresentPath.values()) {
      assertTrue(notes.stream().filter(n -> noteCovers(n, p, "32x24") && noteCovers(n, p, "45x31")).count() <= 1,
          r.out());
    }
  }

  /** Whether a note line ("- PATH, PATH[ at SIZE, SIZE]: reason") says why {@code path} has no row at {@code size}. */
  private static boolean noteCovers(String note, PresentPath path, String size) {
    Matcher m = NOTE.matcher(note);
    return m.matches() && List.of(m.group(1).split(", ")).contains(path.name())
        && (m.group(2) == null || List.of(m.group(2).split(", ")).contains(size));
  }

  @Test
  void badArgumentsAreUserErrors() {
    Cli.Result r = Cli.run("bench", "present", "--sizes", "1280x720,hd");
    assertEquals(2, r.exit());
    assertEquals("jimagecuda bench present: --sizes must be WIDTHxHEIGHT, e.g. 1920x1080, got 'hd' "
        + "(see 'jimagecuda bench present --help')\n", r.err());
    r = Cli.run("bench", "present", "--frames", "0");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("jimagecuda bench present: --frames must be at least 1"), r.err());
  }
}
