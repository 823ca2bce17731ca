package dev.autogenerate.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code autogenerate check}: fails the build when the database is not at the newest migration or
 * does not match the entities, listing the differences. Bound to {@code verify} by default.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractAutogenerateMojo {

  /** Also fail on what is only noted (an index only the database has). */
  @Parameter(property = "autogenerate.strict", defaultValue = "false")
  boolean strict;

  /** The renames {@code generate} was given ({@code <renames>}, {@code -Dautogenerate.renames}), so that check compares alike. */
  @Parameter
  List<String> renames;

  /** A build that checked nothing must not pass as checked. */
  @Override
  boolean mustRunSomewhere() {
    return true;
  }

  /**
   * Run alone ({@code mvn autogenerate:check}), the goal compiles nothing: after an edit not yet
   * compiled (an entity, application.properties) it compares what was last built, and says OK.
   * It says so first.
   */
  @Override
  void beforeRun() throws MojoExecutionException {
    Optional<Path> newer = ProjectSettings.newerSource(sourceFolders(project), Path.of(project.getBuild().getOutputDirectory()));
    newer.ifPresent(source -> getLog().warn("autogenerate: " + source.getFileName() + " changed after the project's"
        + " last compile: this check reads the classes as compiled then; run mvn compile first, or check in the build"
        + " (mvn verify)"));
    // A sibling module's classes as compiled last stand for its jar: an edit there not compiled yet is not seen either.
    for (MavenProject sibling : siblingModules().values()) {
      ProjectSettings.newerSource(sourceFolders(sibling), Path.of(sibling.getBuild().getOutputDirectory()))
          .ifPresent(source -> getLog().warn("autogenerate: " + source.getFileName() + " of module "
              + sibling.getArtifactId() + " changed after that module's last compile: this check reads its classes as"
              + " compiled then; run mvn compile -pl :" + sibling.getArtifactId() + " first, or check in the build"
              + " (mvn verify)"));
    }
  }

  /** A module's sources and resources: what its classes and copied resources are built from. */
  private static List<Path> sourceFolders(MavenProject module) {
    List<Path> roots = new ArrayList<>(List.of(Path.of(module.getBuild().getSourceDirectory())));
    roots.addAll(resourceFolders(module));
    return roots;
  }

  @Override
  boolean readsEntities() {
    return true;
  }

  @Override
  List<String> command() {
    List<String> words = new ArrayList<>(List.of("check"));
    if (enabled("autogenerate.strict", strict)) {
      words.add("--strict");
    }
    words.addAll(renameOptions(renames));
    return words;
  }
}
