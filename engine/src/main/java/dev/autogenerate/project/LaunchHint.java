package dev.autogenerate.project;

import dev.autogenerate.runtime.CacheDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the launcher ({@code autogenerate}) needs to start the next identical {@code check} from
 * the archive without Hibernate's classes: the files whose change would make that check read the
 * entities through Hibernate. A check whose entity model comes from the cache loads none of
 * Hibernate, and a JVM relocates every class of its archive as it starts: from an archive a third
 * the size, a cached check at 10 and 200 tables started 50-60 ms sooner (14-16% of it). The same
 * check after an entity edit would load Hibernate from the jar instead, 0.35 s more at 10 tables:
 * so the launcher uses that archive only where this file says the model is cached and nothing it
 * names has changed since.
 *
 * <p>The file, named by the launcher (the system property {@value #PROPERTY}) for one folder, one
 * command line and one environment, holds absolute paths, one a line: first the cache's file of
 * the model, which the launcher only asks to exist (a hit marks it used, so its times move), then
 * the class path's entries, the migrations' folder, the settings file and the other places of the
 * application's configuration ({@link ApplicationConfigReader}, {@code src/main/resources}). Its modification time is
 * when the class path was stamped for that model, less {@link #MARGIN}; the launcher asks {@code
 * find} whether any of those paths changed after that ({@code -cnewer}: a change time, which a
 * copy keeping old modification times still moves). Where the model is not known to be cached,
 * the file is removed. Where the launcher did not ask, or the file cannot be written, nothing
 * happens: only speed is at stake.
 */
public final class LaunchHint {

  /** The hint file's path, set by the launcher for a check. */
  public static final String PROPERTY = "autogenerate.launch-hint";

  /**
   * How much earlier than the stamping a change still counts: a file system's clock ticks
   * coarsely, and a file written in the same tick as the stamping may not be newer than it.
   */
  static final Duration MARGIN = Duration.ofSeconds(2);

  private LaunchHint() {}

  /** The hint file the launcher asked this process for, if it did. */
  public static Optional<Path> requested() {
    String named = System.getProperty(PROPERTY, "");
    return named.isEmpty() ? Optional.empty() : Optional.of(Path.of(named).toAbsolutePath());
  }

  /**
   * After a check of {@code project}: the hint for the next one when the cache holds the entities'
   * model, else none (a hint written before is removed).
   */
  public static void update(Path file, Project project, Path workingDirectory, Path settingsFile) {
    try {
      Optional<EntityModelCache.Kept> kept = project.keptEntityModel();
      Optional<String> lines = kept.flatMap(model -> lines(model.entry(), project.settings(), workingDirectory,
          settingsFile));
      if (lines.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      CacheDirectory.writeDated(file.getParent(), file.getFileName().toString(),
          () -> lines.get().getBytes(StandardCharsets.UTF_8), FileTime.from(kept.get().stampedAt().minus(MARGIN)));
    } catch (IOException | RuntimeException e) {
      // Only speed is at stake: the launcher starts from the archive with Hibernate.
    }
  }

  /**
   * The model's file, then the paths a change of which may change the model or the compiled
   * migrations, one a line; empty when one cannot be written on a line of its own.
   */
  static Optional<String> lines(Path modelEntry, Settings settings, Path workingDirectory, Path settingsFile) {
    // The settings file and the sources' resources only where they are: find would take one
    // missing for a change every time. (One made since is missed: a wrong guess costs only time.)
    Stream<Path> mayBeThere = Stream.concat(Stream.of(settingsFile),
        ApplicationConfigReader.places(workingDirectory, settings.classPath()).stream()).filter(Files::exists);
    List<String> paths = Stream.of(Stream.of(modelEntry), settings.classPath().stream(), Stream.of(settings.migrations()),
            mayBeThere)
        .flatMap(each -> each)
        .map(path -> path.toAbsolutePath().normalize().toString())
        .distinct()
        .toList();
    if (paths.stream().anyMatch(path -> path.contains("\n"))) {
      return Optional.empty();
    }
    return Optional.of(paths.stream().map(path -> path + "\n").collect(Collectors.joining()));
  }
}
