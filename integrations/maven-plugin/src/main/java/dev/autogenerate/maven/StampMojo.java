package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code autogenerate stamp TARGET}: records the database as being at a revision without running
 * anything, for a database whose schema is already there (or, with {@code base}, to forget a
 * revision recorded so).
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class StampMojo extends AbstractAutogenerateMojo {

  /** {@code head}, a revision or {@code base}; no default, since what the database holds is never implied. */
  @Parameter(property = "autogenerate.target")
  String target;

  @Override
  List<String> command() throws MojoFailureException {
    return List.of("stamp", required("autogenerate.target", target,
        "autogenerate:stamp needs a target: -Dautogenerate.target=head (the newest migration), a revision, or base"));
  }
}
