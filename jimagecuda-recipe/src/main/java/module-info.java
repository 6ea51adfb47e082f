/**
 * Recipes (JSON programs of JImageCUDA operations), their runner and conformance runs: package
 * {@code io.jimagecuda.recipe}; the bindings of each family in {@code io.jimagecuda.recipe.steps}.
 */
module io.jimagecuda.recipe {
  requires transitive io.jimagecuda;
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.databind;

  exports io.jimagecuda.recipe;
  exports io.jimagecuda.recipe.steps;
}
