package dev.autogenerate.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code autogenerate baseline -m MESSAGE}: adopts a database the migrations did not make (by
 * Hibernate, by hand, by another tool). Writes a first migration that creates its schema as it is
 * into the migrations package, and records the database at it without running it. Compiles the
 * project first: what of the database's tables the entities do not map is left to the database.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class BaselineMojo extends AbstractAutogenerateMojo {

  /** What the first migration is; it names the file. */
  @Parameter(property = "autogenerate.message")
  String message;

  @Override
  boolean readsEntities() {
    return true;
  }

  @Override
  List<String> command() throws MojoFailureException {
    return List.of("baseline", "-m", required("autogenerate.message", message,
        "autogenerate:baseline needs a message for the first migration:"
            + " -Dautogenerate.message=\"adopt the existing schema\""));
  }
}
