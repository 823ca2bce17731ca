package dev.autogenerate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code autogenerate upgrade --sql RANGE} (or {@code downgrade --sql RANGE}): the upgrade, or the
 * downgrade, as an SQL script, without connecting, for a DBA to review or run. Written to
 * {@link #outputFile} when given: lines in Maven's log carry its prefixes and are no script.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class SqlMojo extends AbstractAutogenerateMojo {

  /** {@code [FROM:]TO}, e.g. {@code head} or {@code 9b1c2d3e4f5a:head}. */
  @Parameter(property = "autogenerate.range", defaultValue = "head")
  String range;

  /** The downgrade's script for the range ({@code FROM:TO}, FROM where the database is), not the upgrade's. */
  @Parameter(property = "autogenerate.downgrade", defaultValue = "false")
  boolean downgrade;

  /** Where to write the script; otherwise it is printed in the log. */
  @Parameter(property = "autogenerate.sqlFile")
  File outputFile;

  /**
   * All the revisions in one transaction (but those that need one of their own), or each in its
   * own when false; unset, as {@code transaction.mode} in the settings says.
   */
  @Parameter(property = "autogenerate.singleTransaction")
  Boolean singleTransaction;

  @Override
  List<String> command() {
    String direction = enabled("autogenerate.downgrade", downgrade) ? "downgrade" : "upgrade";
    return inOneTransactionIf(singleTransaction, direction, "--sql", setting("autogenerate.range", range));
  }

  /** The file the script goes to, as typed for this build or configured; null for the log. */
  private File scriptFile() {
    String path = setting("autogenerate.sqlFile", outputFile == null ? null : outputFile.getPath());
    if (path == null) {
      return null;
    }
    File file = new File(path);
    return file.isAbsolute() ? file : new File(project.getBasedir(), path);
  }

  /**
   * The script's lines: in the log without a file; in a quiet build ({@code mvn -q}, which logs no
   * INFO) bare on standard output, so that {@code mvn -q autogenerate:sql > upgrade.sql} is the
   * script (it printed nothing).
   */
  @Override
  void printOutput(String line) {
    if (scriptFile() != null) {
      getLog().debug(line);
    } else if (getLog().isInfoEnabled()) {
      getLog().info(line);
    } else {
      System.out.println(line);
    }
  }

  @Override
  void finish(int exitCode, String out, String err) throws MojoExecutionException, MojoFailureException {
    super.finish(exitCode, out, err);
    File outputFile = scriptFile();
    if (outputFile != null) {
      try {
        File parent = outputFile.getAbsoluteFile().getParentFile();
        Files.createDirectories(parent.toPath());
        Files.writeString(outputFile.toPath(), out, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new MojoExecutionException("cannot write the SQL script to " + outputFile + ": " + e.getMessage(), e);
      }
      getLog().info("autogenerate: SQL script written to " + outputFile);
    }
  }
}
