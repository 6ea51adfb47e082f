package io.jimagecuda.cli;

import io.jimagecuda.ImageBase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An image size given on the command line as {@code WIDTHxHEIGHT}. */
record Size(int width, int height) {
  private static final Pattern WXH = Pattern.compile("(\\d{1,9})x(\\d{1,9})");

  /**
   * Parses {@code value} of {@code option}.
   *
   * @param example a valid value for the message, e.g. {@code 3840x2160}
   * @throws ParameterException if it is not {@code WIDTHxHEIGHT} or a side is not in 1..32768
   */
  static Size parse(CommandSpec spec, String option, String value, String example) {
    Matcher m = WXH.matcher(value);
    if (!m.matches()) {
      throw new ParameterException(spec.commandLine(), option + " must be WIDTHxHEIGHT, e.g. " + example + ", got '"
          + value + "'");
    }
    int w = Integer.parseInt(m.group(1));
    int h = Integer.parseInt(m.group(2));
    if (w < 1 || h < 1 || w > ImageBase.MAX_SIDE || h > ImageBase.MAX_SIDE) {
      throw new ParameterException(spec.commandLine(), option + ": the sides of " + value + " must be in 1.."
          + ImageBase.MAX_SIDE);
    }
    return new Size(w, h);
  }

  /** Pixels: {@code width · height}. */
  long pixels() {
    return (long) width * height;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
