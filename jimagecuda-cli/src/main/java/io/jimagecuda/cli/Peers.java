package io.jimagecuda.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Timings of other libraries on the same work, as printed by {@code dev/bench_peers.py}:
 *
 * <pre>{@code
 * {"versions": {"python": "3.11.7", "numpy": "2.1.3", "opencv": "4.10.0", "pillow": "11.0.0"},
 *  "opencv_threads": 16, "unavailable": {"pillow": "No module named 'PIL'"}, "reps": 10,
 *  "results": [{"entry": "fill.color", "size": "3840x2160", "library": "opencv", "dtype": "u8",
 *               "ms": 1.25, "impl": "dst[...] = colour"},
 *              {"entry": "filter.sobel", "size": "3840x2160", "library": "pillow", "dtype": "u8",
 *               "ms": null, "skipped": "Pillow has no Sobel filter"}]}
 * }</pre>
 *
 * Only {@code results} is required, and in each result {@code entry}, {@code size}, {@code library},
 * {@code dtype} and {@code ms} (a positive number, or null when skipped); other keys are shown when known
 * and otherwise ignored.
 */
final class Peers {
  /** The OpenCV columns' library name. */
  static final String OPENCV = "opencv";
  /** The Pillow column's library name. */
  static final String PILLOW = "pillow";
  /** 8-bit data. */
  static final String U8 = "u8";
  /** float32 data. */
  static final String F32 = "f32";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One result: a median in ms, or why it was skipped. */
  record Result(String entry, String size, String library, String dtype, Double ms, String impl, String skipped) {
  }

  private final Map<String, Result> results;
  private final String description;
  private final Map<String, String> unavailable;

  private Peers(Map<String, Result> results, String description, Map<String, String> unavailable) {
    this.results = results;
    this.description = description;
    this.unavailable = unavailable;
  }

  private static String key(String entry, String size, String library, String dtype) {
    return entry + "\u0000" + size + "\u0000" + library + "\u0000" + dtype;
  }

  /** The median ms of {@code entry} at {@code size} by {@code library} on {@code dtype} data, if measured. */
  Optional<Double> ms(String entry, Size size, String library, String dtype) {
    Result r = results.get(key(entry, size.toString(), library, dtype));
    return r == null ? Optional.empty() : Optional.ofNullable(r.ms());
  }

  /** The fastest OpenCV median (u8 or f32) of {@code entry} at {@code size}, if any. */
  Optional<Double> fastestOpenCv(String entry, Size size) {
    Optional<Double> u8 = ms(entry, size, OPENCV, U8);
    Optional<Double> f32 = ms(entry, size, OPENCV, F32);
    if (u8.isEmpty()) {
      return f32;
    }
    return f32.isEmpty() ? u8 : Optional.of(Math.min(u8.get(), f32.get()));
  }

  /** Whether any result (measured or skipped) is at {@code size}. */
  boolean hasSize(Size size) {
    return results.values().stream().anyMatch(r -> r.size().equals(size.toString()));
  }

  /** The entries measured at {@code size} that are not in {@code names}, in file order. */
  List<String> unmatched(Size size, Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (Result r : results.values()) {
      if (r.size().equals(size.toString()) && !names.contains(r.entry())) {
        out.add(r.entry());
      }
    }
    return List.copyOf(out);
  }

  /**
   * For each of {@code names} that the peers have at {@code size}: "OpenCV: impl; Pillow: impl", with
   * skipped ones as "Pillow: skipped (reason)".
   */
  Map<String, String> implementations(Size size, List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) {
      Map<String, String> byLibrary = new LinkedHashMap<>();
      for (Result r : results.values()) {
        if (!r.entry().equals(name) || !r.size().equals(size.toString())) {
          continue;
        }
        String label = r.library().equals(OPENCV) ? "OpenCV" : r.library().equals(PILLOW) ? "Pillow" : r.library();
        String what = r.ms() != null ? (r.impl() == null ? "?" : r.impl())
            : "skipped (" + (r.skipped() == null ? "no time" : r.skipped()) + ")";
        byLibrary.merge(label, what, (a, b) -> a.equals(b) ? a : a + " / " + b);
      }
      if (!byLibrary.isEmpty()) {
        List<String> parts = new ArrayList<>();
        byLibrary.forEach((lib, what) -> parts.add(lib + ": " + what));
        out.put(name, String.join("; ", parts));
      }
    }
    return out;
  }

  /** "OpenCV 4.10.0 (16 threads), Pillow 11.0.0, numpy 2.1.3, Python 3.11.7", from the versions given. */
  String description() {
    return description;
  }

  /** Libraries the script could not import, with the reason. */
  Map<String, String> unavailable() {
    return unavailable;
  }

  /**
   * Reads a peers file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not valid (the message names the file)
   */
  static Peers read(Path file) throws IOException {
    try {
      return parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code command} with {@code /bin/sh -c}, its stderr copied to {@code err} as it comes, with
   * {@code env} added to its environment, and parses what it prints.
   *
   * @throws IllegalArgumentException if it fails or prints no valid peers JSON
   * @throws IOException if it cannot be started
   */
  static Peers run(String command, Map<String, String> env, PrintWriter err) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    StringBuilder lastErr = new StringBuilder();
    Thread pump = new Thread(() -> pumpErr(p.getErrorStream(), err, lastErr), "peers-stderr");
    pump.setDaemon(true);
    pump.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    int exit;
    try {
      exit = p.waitFor();
      pump.join();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for --peers-cmd", e);
    }
    if (exit != 0) {
      throw new IllegalArgumentException("--peers-cmd '" + command + "' failed with exit code " + exit
          + (lastErr.length() > 0 ? ": " + lastErr : ""));
    }
    try {
      return parse(out.toString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--peers-cmd '" + command + "': " + e.getMessage(), e);
    }
  }

  private static void pumpErr(InputStream in, PrintWriter err, StringBuilder last) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
        if (!line.isBlank()) {
          synchronized (last) {
            last.setLength(0);
            last.append(line.strip());
          }
        }
      }
    } catch (IOException e) {
      // The process ended; what it printed so far was copied.
    }
  }

  /**
   * Parses peers JSON.
   *
   * @throws IllegalArgumentException if it is not valid
   */
  static Peers parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid peers JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.has("results") || !root.get("results").isArray()) {
      throw new IllegalArgumentException("peers JSON must be an object with a 'results' array");
    }
    Map<String, Result> results = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode r : root.get("results")) {
      i++;
      String where = "result " + i;
      if (!r.isObject()) {
        throw new IllegalArgumentException(where + ": must be an object");
      }
      String entry = text(r, "entry", where);
      String size = text(r, "size", where);
      if (!size.matches("\\d+x\\d+")) {
        throw new IllegalArgumentException(where + ": 'size' must be WIDTHxHEIGHT, got '" + size + "'");
      }
      String library = text(r, "library", where);
      String dtype = text(r, "dtype", where);
      JsonNode ms = r.get("ms");
      if (ms == null || !(ms.isNull() || ms.isNumber() && ms.doubleValue() > 0 && Double.isFinite(ms.doubleValue()))) {
        throw new IllegalArgumentException(where + " (" + entry + "): 'ms' must be a positive number or null, got "
            + ms);
      }
      Result result = new Result(entry, size, library, dtype, ms.isNull() ? null : ms.doubleValue(),
          optionalText(r, "impl"), optionalText(r, "skipped"));
      if (results.put(key(entry, size, library, dtype), result) != null) {
        throw new IllegalArgumentException(where + ": " + entry + " at " + size + " by " + library + " on " + dtype
            + " is given twice");
      }
    }
    return new Peers(results, describe(root), unavailable(root));
  }

  private static String describe(JsonNode root) {
    JsonNode v = root.path("versions");
    List<String> parts = new ArrayList<>();
    if (v.path(OPENCV).isTextual()) {
      JsonNode threads = root.path("opencv_threads");
      parts.add("OpenCV " + v.get(OPENCV).asText() + (threads.isInt() ? " (" + threads.asInt() + " threads)" : ""));
    }
    if (v.path(PILLOW).isTextual()) {
      parts.add("Pillow " + v.get(PILLOW).asText());
    }
    if (v.path("numpy").isTextual()) {
      parts.add("numpy " + v.get("numpy").asText());
    }
    if (v.path("python").isTextual()) {
      parts.add("Python " + v.get("python").asText());
    }
    String reps = root.path("reps").isInt() ? ", median of " + root.get("reps").asInt() : "";
    return (parts.isEmpty() ? "versions not given" : String.join(", ", parts)) + reps;
  }

  private static Map<String, String> unavailable(JsonNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode u = root.path("unavailable");
    if (u.isObject()) {
      u.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String text(JsonNode r, String key, String where) {
    JsonNode v = r.get(key);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a non-empty string, got " + v);
    }
    return v.textValue();
  }

  private static String optionalText(JsonNode r, String key) {
    JsonNode v = r.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
