package io.jimagecuda.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process with captured output. */
final class Cli {
  /** What a run printed and returned. */
  record Result(int exit, String out, String err) {
  }

  private Cli() {
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
