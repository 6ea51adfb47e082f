/**
 * Recipes: JSON programs of image operations ({@link io.jimagecuda.recipe.RecipeParser},
 * {@link io.jimagecuda.recipe.RecipeRunner}), the op vocabulary and its bindings
 * ({@link io.jimagecuda.recipe.OpRegistry}), and conformance runs that compare rendered images with expected
 * ones ({@link io.jimagecuda.recipe.ConformanceKit}, {@link io.jimagecuda.recipe.Comparison}).
 *
 * <p>Parameters and results are never {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.jimagecuda.recipe;

import org.jspecify.annotations.NullMarked;
