package dev.engram.server;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI for the tests: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
  /** Runs {@code args} with {@code stdin} as standard input. */
  static CliRun of(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
