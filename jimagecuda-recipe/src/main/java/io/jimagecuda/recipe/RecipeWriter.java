package io.jimagecuda.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jimagecuda.Rgba;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link Recipe} back as JSON in the format {@link RecipeParser} reads: the same keys in the same
 * order, every parameter written out, colours as arrays of numbers. {@code RecipeParser.parse(toJson(r))}
 * gives a recipe equal in every value to {@code r}.
 */
public final class RecipeWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private RecipeWriter() {
  }

  /**
   * {@return the recipe as indented JSON text, ending with a newline}
   *
   * @param recipe the recipe
   */
  public static String toJson(Recipe recipe) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", recipe.name());
    ObjectNode images = root.putObject("images");
    for (Map.Entry<String, Recipe.ImageSource> e : recipe.images().entrySet()) {
      ObjectNode img = images.putObject(e.getKey());
      if (e.getValue() instanceof Recipe.NewImage n) {
        img.put("width", n.width());
        img.put("height", n.height());
      } else {
        img.put("load", ((Recipe.LoadImage) e.getValue()).file());
      }
    }
    ArrayNode steps = root.putArray("steps");
    for (Recipe.Step step : recipe.steps()) {
      ObjectNode s = steps.addObject();
      s.put("op", step.op().name());
      for (Param p : step.op().params()) {
        put(s, p.name(), step.args().get(p.name()));
      }
      if (step.out() != null) {
        s.put(OpSpec.OUT, step.out());
      }
    }
    root.put("output", recipe.output());
    recipe.tolerance().ifPresent(t -> {
      ObjectNode tol = root.putObject("tolerance");
      tol.put("psnr", t.minPsnr());
      if (t.maxDiff() == null) {
        tol.putNull("maxdiff");
      } else {
        tol.put("maxdiff", t.maxDiff());
      }
    });
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("RecipeWriter: cannot write the JSON tree", e);
    }
  }

  /**
   * Writes the recipe to {@code file} (UTF-8), replacing it.
   *
   * @param recipe the recipe
   * @param file the file
   * @throws IOException if the file cannot be written
   */
  public static void write(Recipe recipe, Path file) throws IOException {
    Files.writeString(file, toJson(recipe));
  }

  private static void put(ObjectNode s, String key, Object value) {
    if (value == null) {
      s.putNull(key);
    } else if (value instanceof String str) {
      s.put(key, str);
    } else if (value instanceof Integer i) {
      s.put(key, i);
    } else if (value instanceof Double d) {
      s.put(key, d);
    } else if (value instanceof Boolean b) {
      s.put(key, b);
    } else if (value instanceof Rgba c) {
      s.putArray(key).add(c.r()).add(c.g()).add(c.b()).add(c.a());
    } else if (value instanceof float[] f) {
      ArrayNode a = s.putArray(key);
      for (float v : f) {
        a.add(v);
      }
    } else {
      throw new IllegalStateException("RecipeWriter: parameter '" + key + "' has a value of type "
          + value.getClass().getName() + ", which the recipe format does not have");
    }
  }
}
