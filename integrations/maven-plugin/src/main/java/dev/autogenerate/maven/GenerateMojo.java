package dev.autogenerate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code autogenerate -m MESSAGE}: compares the entities with the database and writes a migration
 * with what changed into the migrations package. Compiles the project first, so that the
 * comparison sees the entities as they are in the sources.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class GenerateMojo extends AbstractAutogenerateMojo {

  /** What the migration does; it names the file. */
  @Parameter(property = "autogenerate.message")
  String message;

  /** Write nothing and fail when a step may lose data or fail on existing rows. */
  @Parameter(property = "autogenerate.strict", defaultValue = "false")
  boolean strict;

  /**
   * Renames the entities cannot state with {@code @RenamedFrom}, as the command line's
   * {@code --rename}: {@code OLD=NEW} for a table or sequence, {@code TABLE.OLD=NEW} for a column;
   * comma-separated with {@code -Dautogenerate.renames}.
   */
  @Parameter
  List<String> renames;

  @Override
  boolean readsEntities() {
    return true;
  }

  @Override
  List<String> command() throws MojoFailureException {
    String typed = required("autogenerate.message", message,
        "autogenerate:generate needs a message for the migration: -Dautogenerate.message=\"add age column\"");
    List<String> words = new ArrayList<>(List.of("revision", "--autogenerate", "-m", typed));
    if (enabled("autogenerate.strict", strict)) {
      words.add("--strict");
    }
    words.addAll(renameOptions(renames));
    return words;
  }
}
