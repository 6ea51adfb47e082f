/**
 * The recipe bindings of each operation family: one class per family, one line per op.
 */
@NullMarked
package io.jimagecuda.recipe.steps;

import org.jspecify.annotations.NullMarked;
