package org.brexsync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process with captured output and an injected environment. */
final class Cli {
  private Cli() {}

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  static Result run(String... args) {
    return run(Map.of(), false, args);
  }

  static Result run(Map<String, String> env, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Brexsync.runner()
        .environment(env)
        .out(new PrintWriter(out, true))
        .err(new PrintWriter(err, true))
        .terminal(terminal)
        .retries(false)
        .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
