package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code autogenerate current}: the revision the database is at. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractAutogenerateMojo {

  @Override
  List<String> command() {
    return List.of("current");
  }
}
