package io.jimagecuda.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jimagecuda.BackendKind;
import io.jimagecuda.Image;
import io.jimagecuda.recipe.ImageFiles;
import io.jimagecuda.recipe.OpSpec;
import io.jimagecuda.recipe.ParamType;
import io.jimagecuda.recipe.Recipe;
import io.jimagecuda.recipe.RecipeParser;
import io.jimagecuda.recipe.RecipeRunner;
import io.jimagecuda.recipe.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An ops gallery: a directory {@code DIR} with
 * <ul>
 *   <li>{@code gallery.json}, the index: the families in page order ({@code family}, {@code title},
 *       {@code about}) and one entry per picture ({@code name}, {@code op}, {@code caption}, optional
 *       {@code before});</li>
 *   <li>{@code recipes/<family>/<name>.json}, one ordinary recipe per entry (its {@code name} is the file
 *       stem);</li>
 *   <li>{@code inputs/}, the files the recipes load;</li>
 *   <li>{@code images/}, the rendered pictures {@code <name>.png} (and {@code <name>.before.png});</li>
 * </ul>
 * and the page {@code DIR.md} next to the directory ({@code docs/ops} → {@code docs/ops.md}).
 *
 * <p>An entry with {@code "before": true} also gets the picture of the image its recipe's last step reads
 * (its first image parameter: {@code image}, {@code src} or {@code base}) as it is just before that step,
 * shown before the result. When {@code op} is an op of the recipe vocabulary, the recipe must use it (with
 * {@code before}: in its last step).
 */
final class Gallery {
  static final String INDEX = "gallery.json";
  static final String RECIPES = "recipes";
  static final String INPUTS = "inputs";
  static final String IMAGES = "images";
  static final String BEFORE = ".before.png";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A heading of the page. */
  record Family(String id, String title, String about) {
  }

  /** One picture (or before/after pair) of the page. */
  record Entry(String name, String op, String caption, boolean before, Family family, Recipe recipe) {
    /** The picture of the result, relative to {@code images/}. */
    String picture() {
      return name + ".png";
    }

    /** The picture of the input before the last step, relative to {@code images/}. */
    String beforePicture() {
      return name + BEFORE;
    }
  }

  private final Path dir;
  private final List<Family> families;
  private final List<Entry> entries;

  private Gallery(Path dir, List<Family> families, List<Entry> entries) {
    this.dir = dir;
    this.families = families;
    this.entries = entries;
  }

  /** The gallery directory, absolute. */
  Path dir() {
    return dir;
  }

  /** The entries, in page order. */
  List<Entry> entries() {
    return entries;
  }

  /** The Markdown page: {@code DIR.md} beside the directory. */
  Path page() {
    return dir.resolveSibling(dir.getFileName() + ".md");
  }

  /**
   * Reads and checks a gallery directory: its index, and that every recipe has exactly one entry and every
   * entry a valid recipe.
   *
   * @throws IllegalArgumentException naming the file and what is wrong
   * @throws io.jimagecuda.recipe.RecipeException if a recipe is invalid
   * @throws IOException if a file cannot be read
   */
  static Gallery read(Path directory) throws IOException {
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.getFileName() == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(directory + " is not a gallery: no such directory");
    }
    Path index = dir.resolve(INDEX);
    if (!Files.isRegularFile(index)) {
      throw new IllegalArgumentException(directory + " is not a gallery: it has no " + INDEX);
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(index));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(index + ": invalid JSON: " + e.getOriginalMessage());
    }
    String where = index.toString();
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(where + ": must be an object {\"families\": [...], \"entries\": [...]}");
    }
    keys(root, where, List.of("families", "entries"), List.of());

    Map<String, Family> families = new LinkedHashMap<>();
    for (JsonNode f : array(root, "families", where)) {
      String at = where + ": family " + (families.size() + 1);
      keys(f, at, List.of("family", "title", "about"), List.of());
      Family family = new Family(text(f, "family", at), text(f, "title", at), text(f, "about", at));
      if (families.put(family.id(), family) != null) {
        throw new IllegalArgumentException(at + ": family '" + family.id() + "' is listed twice");
      }
    }

    Map<String, Path> recipes = recipeFiles(dir, families.keySet());
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode e : array(root, "entries", where)) {
      String at = where + ": entry " + (entries.size() + 1);
      keys(e, at, List.of("name", "op", "caption"), List.of("before"));
      String name = text(e, "name", at);
      at = where + ": entry '" + name + "'";
      if (!seen.add(name)) {
        throw new IllegalArgumentException(at + ": listed twice");
      }
      Path file = recipes.get(name);
      if (file == null) {
        throw new IllegalArgumentException(at + ": there is no " + RECIPES + "/<family>/" + name + ".json");
      }
      JsonNode before = e.get("before");
      if (before != null && !before.isBoolean()) {
        throw new IllegalArgumentException(at + ": 'before' must be true or false, got " + before);
      }
      Recipe recipe = RecipeParser.parse(file);
      Family family = families.get(file.getParent().getFileName().toString());
      entries.add(check(new Entry(name, text(e, "op", at), text(e, "caption", at), before != null
          && before.booleanValue(), family, recipe), file, at));
    }
    for (Map.Entry<String, Path> r : recipes.entrySet()) {
      if (!seen.contains(r.getKey())) {
        throw new IllegalArgumentException(where + ": recipe " + dir.relativize(r.getValue()) + " has no entry "
            + "(add {\"name\": \"" + r.getKey() + "\", \"op\": ..., \"caption\": ...} to 'entries')");
      }
    }
    for (Family f : families.values()) {
      if (entries.stream().noneMatch(e -> e.family() == f)) {
        throw new IllegalArgumentException(where + ": family '" + f.id() + "' has no recipes (" + RECIPES + "/"
            + f.id() + "/ is missing or empty)");
      }
    }
    List<Entry> ordered = new ArrayList<>();
    for (Family f : families.values()) {
      entries.stream().filter(e -> e.family() == f).forEach(ordered::add);
    }
    return new Gallery(dir, List.copyOf(families.values()), List.copyOf(ordered));
  }

  /** The recipe files by name; each family directory must be listed, names must be unique. */
  private static Map<String, Path> recipeFiles(Path dir, Set<String> families) throws IOException {
    Path root = dir.resolve(RECIPES);
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(dir + " is not a gallery: it has no " + RECIPES + "/ directory");
    }
    Map<String, Path> byName = new TreeMap<>();
    try (Stream<Path> subdirs = Files.list(root)) {
      for (Path sub : subdirs.sorted().toList()) {
        String family = sub.getFileName().toString();
        if (!Files.isDirectory(sub)) {
          throw new IllegalArgumentException(root + " must hold only family directories, found " + family);
        }
        if (!families.contains(family)) {
          throw new IllegalArgumentException(dir.resolve(INDEX) + ": " + RECIPES + "/" + family + "/ is not a "
              + "listed family (add {\"family\": \"" + family + "\", \"title\": ..., \"about\": ...} to 'families')");
        }
        try (Stream<Path> files = Files.list(sub)) {
          for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
            String name = f.getFileName().toString();
            name = name.substring(0, name.length() - ".json".length());
            Path other = byName.put(name, f);
            if (other != null) {
              throw new IllegalArgumentException("two recipes are named '" + name + "': " + dir.relativize(other)
                  + " and " + dir.relativize(f) + " (picture names must be unique)");
            }
          }
        }
      }
    }
    return byName;
  }

  private static Entry check(Entry e, Path file, String at) {
    if (!e.recipe().name().equals(e.name())) {
      throw new IllegalArgumentException(file + ": 'name' must be the file name '" + e.name() + "', got '"
          + e.recipe().name() + "'");
    }
    for (String s : new String[] {e.caption(), e.op()}) {
      if (s.contains("\n") || s.contains("\r")) {
        throw new IllegalArgumentException(at + ": 'op' and 'caption' must be one line");
      }
    }
    List<Recipe.Step> steps = e.recipe().steps();
    if (e.before() && steps.isEmpty()) {
      throw new IllegalArgumentException(at + ": 'before' needs a recipe with steps, " + file + " has none");
    }
    if (Vocabulary.find(e.op()).isPresent()) {
      boolean used = e.before() ? steps.get(steps.size() - 1).op().name().equals(e.op())
          : steps.stream().anyMatch(s -> s.op().name().equals(e.op()));
      if (!used) {
        throw new IllegalArgumentException(at + ": the recipe " + (e.before() ? "must end with a step of "
            : "does not use ") + e.op() + (e.before() ? " (its picture is the state before its last step)" : ""));
      }
    }
    return e;
  }

  /**
   * Renders every picture into {@code out} ({@code <name>.png}, {@code <name>.before.png}) on {@code backend},
   * loading inputs from {@code inputs/}.
   *
   * @return the file names written, in page order
   */
  List<String> render(BackendKind backend, Path out) throws IOException {
    RecipeRunner runner = new RecipeRunner(backend, dir.resolve(INPUTS));
    List<String> written = new ArrayList<>();
    for (Entry e : entries) {
      if (e.before()) {
        Recipe r = e.recipe();
        Recipe.Step last = r.steps().get(r.steps().size() - 1);
        Recipe before = new Recipe(r.name(), r.images(), r.steps().subList(0, r.steps().size() - 1),
            firstImage(last), r.tolerance());
        save(runner, before, out.resolve(e.beforePicture()));
        written.add(e.beforePicture());
      }
      save(runner, e.recipe(), out.resolve(e.picture()));
      written.add(e.picture());
    }
    return written;
  }

  /** The id of the image a step reads first: its first image parameter. */
  private static String firstImage(Recipe.Step step) {
    OpSpec op = step.op();
    return op.params().stream().filter(p -> p.type() == ParamType.IMAGE).map(p -> (String) step.args().get(p.name()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(step.where() + ": the op reads no image"));
  }

  private static void save(RecipeRunner runner, Recipe recipe, Path file) throws IOException {
    try (Image img = runner.run(recipe)) {
      ImageFiles.standard().save(img, file);
    }
  }

  /** The page, linking pictures and recipes relative to {@link #page()}. */
  String markdown(BackendKind backend) {
    String d = dir.getFileName().toString();
    StringBuilder s = new StringBuilder();
    s.append("# Ops gallery\n\n");
    s.append("<!-- Generated by `jimagecuda gallery` from ").append(d).append("/").append(INDEX).append(" and ")
        .append(d).append("/").append(RECIPES).append("/: do not edit; change those and run it again. -->\n\n");
    s.append("Every picture is the output of the recipe next to it (the recipe format of the README), rendered "
        + "on the ").append(backend.id()).append(" backend by `./jimagecuda gallery`. Recipes load their inputs "
        + "from [`").append(d).append("/").append(INPUTS).append("/`](").append(d).append("/").append(INPUTS)
        .append("). A test fails when this page or a picture is out of date.\n\n");
    List<String> links = new ArrayList<>();
    for (Family f : families) {
      links.add("[" + f.title() + "](#" + anchor(f.title()) + ")");
    }
    s.append(String.join(" · ", links)).append("\n");
    for (Family f : families) {
      s.append("\n## ").append(f.title()).append("\n\n").append(f.about()).append("\n\n");
      s.append("| picture | op | what it does | recipe |\n| --- | --- | --- | --- |\n");
      for (Entry e : entries) {
        if (e.family() != f) {
          continue;
        }
        String img = d + "/" + IMAGES + "/";
        String picture = "![" + e.name() + "](" + img + e.picture() + ")";
        if (e.before()) {
          picture = "![" + e.name() + ", before](" + img + e.beforePicture() + ") → " + picture;
        }
        String recipe = d + "/" + RECIPES + "/" + f.id() + "/" + e.name() + ".json";
        s.append("| ").append(picture).append(" | `").append(cell(e.op())).append("` | ").append(cell(e.caption()))
            .append(" | [").append(e.name()).append(".json](").append(recipe).append(") |\n");
      }
    }
    return s.toString();
  }

  /** GitHub's heading anchor: lower case, spaces to dashes, other punctuation dropped. */
  static String anchor(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  // ---------------------------------------------------------------- JSON helpers

  private static void keys(JsonNode node, String where, List<String> required, List<String> optional) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": must be an object with " + String.join(", ", required));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!required.contains(key) && !optional.contains(key)) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: " + String.join(", ", all)
            + ")");
      }
    }
    for (String key : required) {
      if (!node.has(key)) {
        throw new IllegalArgumentException(where + ": missing key '" + key + "'");
      }
    }
  }

  private static JsonNode array(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (!v.isArray()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be an array, got " + v);
    }
    return v;
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a non-empty string, got " + v);
    }
    return v.textValue();
  }
}
