package io.jimagecuda.recipe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jimagecuda.ImageBase;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the recipe JSON format of the conformance kit (its README, "Recipe format") strictly: unknown
 * top-level keys, unknown ops, unknown or missing step parameters, values of the wrong type, duplicate
 * keys, image ids that are not defined yet and {@code out} ids that already exist are all rejected with a
 * {@link RecipeException} naming the step (from 1), the op and the parameter. Ops are checked against the
 * whole {@link Vocabulary}, implemented or not.
 *
 * <pre>{@code
 * Recipe r = RecipeParser.parse(Path.of("docs/quick.json"));
 * }</pre>
 */
public final class RecipeParser {
  private static final List<String> TOP_LEVEL = List.of("name", "images", "steps", "output", "tolerance");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private RecipeParser() {
  }

  /**
   * Parses a recipe file (UTF-8). Messages of the {@link RecipeException} start with the file's path.
   *
   * @param file the recipe file
   * @return the recipe
   * @throws IOException if the file cannot be read
   * @throws RecipeException if the recipe is not valid
   */
  public static Recipe parse(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      return parse(text);
    } catch (RecipeException e) {
      throw new RecipeException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a recipe from its JSON text.
   *
   * @param json the recipe
   * @return the recipe
   * @throws RecipeException if the recipe is not valid
   */
  public static Recipe parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new RecipeException("invalid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
          + at.getColumnNr()) + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new RecipeException("the recipe is empty");
    }
    if (!root.isObject()) {
      throw new RecipeException("a recipe must be a JSON object, got " + show(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_LEVEL.contains(key)) {
        throw new RecipeException("unknown top-level key '" + key + "' (allowed: " + String.join(", ", TOP_LEVEL)
            + ")");
      }
    }
    String name = text(topLevel(root, "name"), "'name'");
    Map<String, Recipe.ImageSource> images = images(topLevel(root, "images"));
    Set<String> defined = new LinkedHashSet<>(images.keySet());
    List<Recipe.Step> steps = steps(topLevel(root, "steps"), defined);
    String output = text(topLevel(root, "output"), "'output'");
    if (!defined.contains(output)) {
      throw new RecipeException("'output' names image '" + output + "', which is never defined (images: "
          + String.join(", ", defined) + ")");
    }
    Optional<Tolerance> tolerance = root.has("tolerance")
        ? Optional.of(tolerance(root.get("tolerance"))) : Optional.empty();
    return new Recipe(name, images, steps, output, tolerance);
  }

  private static JsonNode topLevel(JsonNode root, String key) {
    JsonNode v = root.get(key);
    if (v == null) {
      throw new RecipeException("missing top-level key '" + key + "'");
    }
    return v;
  }

  // ---------------------------------------------------------------- images

  private static Map<String, Recipe.ImageSource> images(JsonNode node) {
    if (!node.isObject()) {
      throw new RecipeException("'images' must be an object of image ids, got " + show(node));
    }
    Map<String, Recipe.ImageSource> images = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String where = "image '" + e.getKey() + "'";
      if (e.getKey().isEmpty()) {
        throw new RecipeException("image ids must not be empty");
      }
      images.put(e.getKey(), image(e.getValue(), where));
    }
    return images;
  }

  private static Recipe.ImageSource image(JsonNode node, String where) {
    String forms = "{\"width\": W, \"height\": H} or {\"load\": \"file\"}";
    if (!node.isObject()) {
      throw new RecipeException(where + ": must be " + forms + ", got " + show(node));
    }
    List<String> allowed = node.has("load") ? List.of("load") : List.of("width", "height");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new RecipeException(where + ": unexpected key '" + key + "' (an image is " + forms + ")");
      }
    }
    if (node.has("load")) {
      return new Recipe.LoadImage(inputFile(node.get("load"), where));
    }
    return new Recipe.NewImage(side(node, "width", where), side(node, "height", where));
  }

  private static int side(JsonNode image, String key, String where) {
    JsonNode v = image.get(key);
    if (v == null) {
      throw new RecipeException(where + ": missing key '" + key + "'");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1 || v.intValue() > ImageBase.MAX_SIDE) {
      throw new RecipeException(where + ": '" + key + "' must be an integer in 1.." + ImageBase.MAX_SIDE
          + ", got " + show(v));
    }
    return v.intValue();
  }

  private static String inputFile(JsonNode v, String where) {
    String file = text(v, where + ": 'load'");
    if (file.equals(Recipe.INPUT)) {
      return file;
    }
    if (file.startsWith("$")) {
      throw new RecipeException(where + ": 'load' names the unknown placeholder " + show(v)
          + "; the only placeholder is \"" + Recipe.INPUT + "\" (the input image given when the recipe runs)");
    }
    Path p;
    try {
      p = Path.of(file).normalize();
    } catch (InvalidPathException e) {
      p = null;
    }
    if (p == null || p.isAbsolute() || p.toString().isEmpty() || p.startsWith("..")) {
      throw new RecipeException(where + ": 'load' must name a file inside the inputs directory, got "
          + show(v));
    }
    return file;
  }

  // ---------------------------------------------------------------- steps

  private static List<Recipe.Step> steps(JsonNode node, Set<String> defined) {
    if (!node.isArray()) {
      throw new RecipeException("'steps' must be an array, got " + show(node));
    }
    List<Recipe.Step> steps = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Recipe.Step step = step(node.get(i), i + 1, defined);
      if (step.out() != null) {
        defined.add(step.out());
      }
      steps.add(step);
    }
    return steps;
  }

  private static Recipe.Step step(JsonNode node, int number, Set<String> defined) {
    if (!node.isObject()) {
      throw new RecipeException("step " + number + ": must be an object with an 'op' key, got " + show(node));
    }
    JsonNode opNode = node.get("op");
    if (opNode == null) {
      throw new RecipeException("step " + number + ": missing key 'op'");
    }
    String opName = text(opNode, "step " + number + ": 'op'");
    OpSpec op = Vocabulary.find(opName).orElseThrow(() -> unknownOp(opName, number));
    String where = "step " + number + " (" + opName + ")";

    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equals("op") || op.param(key).isPresent() || key.equals(OpSpec.OUT) && op.returnsImage()) {
        continue;
      }
      if (key.equals(OpSpec.OUT)) {
        throw new RecipeException(where + ": unknown key 'out': " + opName
            + " works in place and returns no image");
      }
      throw new RecipeException(where + ": unknown parameter '" + key + "' (parameters: "
          + op.params().stream().map(Param::name).collect(Collectors.joining(", "))
          + (op.returnsImage() ? ", out" : "") + ")");
    }

    Map<String, @Nullable Object> args = new LinkedHashMap<>();
    for (Param p : op.params()) {
      JsonNode v = node.get(p.name());
      if (v == null) {
        throw new RecipeException(where + ": missing parameter '" + p.name() + "' (" + p.expected()
            + "; every parameter is written out, defaults included)");
      }
      Object value = value(p, v, where);
      if (p.type() == ParamType.IMAGE && !defined.contains((String) value)) {
        throw new RecipeException(where + ": parameter '" + p.name() + "' names image '" + value
            + "', which is not defined at this step (defined: " + String.join(", ", defined) + ")");
      }
      args.put(p.name(), value);
    }

    String out = null;
    if (op.returnsImage()) {
      JsonNode v = node.get(OpSpec.OUT);
      if (v == null) {
        throw new RecipeException(where + ": missing key 'out' (the id of the image " + opName + " returns)");
      }
      out = text(v, where + ": 'out'");
      if (defined.contains(out)) {
        throw new RecipeException(where + ": 'out' names image '" + out + "', which already exists; an out id "
            + "must be new");
      }
    }
    return new Recipe.Step(number, op, args, out);
  }

  private static RecipeException unknownOp(String name, int number) {
    int dot = name.indexOf('.');
    List<String> family = dot > 0 ? Vocabulary.family(name.substring(0, dot)) : List.of();
    String hint = !family.isEmpty() ? "; the " + name.substring(0, dot) + " ops are " + String.join(", ", family)
        : "; ops are named family.operation, with the families "
            + Vocabulary.all().stream().map(OpSpec::family).distinct().collect(Collectors.joining(", "));
    return new RecipeException("unknown op '" + name + "' (step " + number + ")" + hint);
  }

  private static @Nullable Object value(Param p, JsonNode v, String where) {
    if (v.isNull()) {
      if (p.nullable()) {
        return null;
      }
      throw badValue(p, v, where);
    }
    switch (p.type()) {
      case IMAGE:
        if (v.isTextual() && !v.textValue().isEmpty()) {
          return v.textValue();
        }
        break;
      case CHOICE:
        if (v.isTextual() && p.choices().contains(v.textValue())) {
          return v.textValue();
        }
        break;
      case INT:
        if (v.isIntegralNumber() && v.canConvertToInt()) {
          return v.intValue();
        }
        break;
      case FLOAT:
        if (v.isNumber() && Float.isFinite((float) v.doubleValue())) {
          return v.doubleValue();
        }
        break;
      case BOOL:
        if (v.isBoolean()) {
          return v.booleanValue();
        }
        break;
      case RGBA:
        if (isNumbers(v, 4)) {
          return new Rgba(channel(v, 0), channel(v, 1), channel(v, 2), channel(v, 3));
        }
        break;
      case RGB:
        if (isNumbers(v, 3)) {
          return new float[] {channel(v, 0), channel(v, 1), channel(v, 2)};
        }
        break;
      default:
        throw new AssertionError(p.type());
    }
    throw badValue(p, v, where);
  }

  private static RecipeException badValue(Param p, JsonNode v, String where) {
    return new RecipeException(where + ": parameter '" + p.name() + "' must be " + p.expected() + ", got "
        + show(v));
  }

  private static boolean isNumbers(JsonNode v, int count) {
    if (!v.isArray() || v.size() != count) {
      return false;
    }
    for (JsonNode c : v) {
      if (!c.isNumber() || !Float.isFinite((float) c.doubleValue())) {
        return false;
      }
    }
    return true;
  }

  private static float channel(JsonNode array, int i) {
    return (float) array.get(i).doubleValue();
  }

  // ---------------------------------------------------------------- tolerance and helpers

  private static Tolerance tolerance(JsonNode node) {
    String form = "{\"psnr\": P, \"maxdiff\": M or null}";
    if (!node.isObject()) {
      throw new RecipeException("'tolerance' must be " + form + ", got " + show(node));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("psnr") && !key.equals("maxdiff")) {
        throw new RecipeException("tolerance: unknown key '" + key + "' (allowed: psnr, maxdiff)");
      }
    }
    JsonNode psnr = node.get("psnr");
    JsonNode maxDiff = node.get("maxdiff");
    if (psnr == null || maxDiff == null) {
      throw new RecipeException("tolerance: missing key '" + (psnr == null ? "psnr" : "maxdiff") + "' ("
          + form + ")");
    }
    if (!psnr.isNumber()) {
      throw new RecipeException("tolerance: 'psnr' must be a number (dB), got " + show(psnr));
    }
    if (!maxDiff.isNull() && !(maxDiff.isIntegralNumber() && maxDiff.canConvertToInt() && maxDiff.intValue() >= 0)) {
      throw new RecipeException("tolerance: 'maxdiff' must be a non-negative integer or null, got "
          + show(maxDiff));
    }
    return new Tolerance(psnr.doubleValue(), maxDiff.isNull() ? null : maxDiff.intValue());
  }

  private static String text(JsonNode v, String what) {
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw new RecipeException(what + " must be a non-empty string, got " + show(v));
    }
    return v.textValue();
  }

  /** The JSON text of a value, shortened for messages. */
  private static String show(JsonNode v) {
    String s = v.toString();
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
