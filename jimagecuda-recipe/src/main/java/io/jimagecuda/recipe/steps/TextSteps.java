package io.jimagecuda.recipe.steps;

import io.jimagecuda.Text;
import io.jimagecuda.TextAlign;
import io.jimagecuda.recipe.OpRegistry;
import io.jimagecuda.recipe.StepArgs;

/**
 * Recipe binding of {@code text.create}: a producer with no image operand, whose result lives on the
 * recipe's backend. {@code align} accepts {@code center} as a spelling of {@code centre}.
 */
public final class TextSteps {
  private TextSteps() {
  }

  /**
   * Registers {@code text.create}.
   *
   * @param r the registry to add it to
   */
  public static void register(OpRegistry r) {
    r.producer("text.create", a -> Text.create(a.string("text"), options(a), a.backend()));
  }

  /**
   * The text options a {@code text.create} step names (everything but the text).
   *
   * @param a the step's arguments
   * @return the options
   */
  public static Text.Options options(StepArgs a) {
    return Text.Options.DEFAULTS.withFont(a.string("font")).withSize(a.f32("size")).withColor(a.rgba("color"))
        .withBgColor(a.rgba("bgColor")).withAlign(TextAlign.parse(a.choice("align")))
        .withJustify(a.bool("justify")).withSpacing(a.i32("spacing")).withLetterSpacing(a.f32("letterSpacing"));
  }
}
