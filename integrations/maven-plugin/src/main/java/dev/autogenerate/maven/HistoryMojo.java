package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code autogenerate history}: the revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class HistoryMojo extends AbstractAutogenerateMojo {

  /** One block per revision, marking those the database is at (needs the database). */
  @Parameter(property = "autogenerate.verbose", defaultValue = "false")
  boolean verbose;

  @Override
  List<String> command() {
    return enabled("autogenerate.verbose", verbose) ? List.of("history", "--verbose") : List.of("history");
  }
}
