package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code autogenerate upgrade TARGET}: applies the migrations up to the target. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractAutogenerateMojo {

  /** {@code head}, {@code heads}, a revision or {@code +N}. */
  @Parameter(property = "autogenerate.target", defaultValue = "head")
  String target;

  @Override
  List<String> command() {
    return List.of("upgrade", setting("autogenerate.target", target));
  }
}
