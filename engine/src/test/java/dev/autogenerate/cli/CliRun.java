package dev.autogenerate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One run of the command line, in-process, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(Path workingDirectory, Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = AutogenerateCli.run(workingDirectory, environment, new PrintWriter(out, true),
        new PrintWriter(err, true), args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
