package dev.autogenerate.project;

import dev.autogenerate.runtime.CacheDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * command line and one environment, lists the class path's entries, the migrations' folder and the
 * settings file, one absolute path a line; its modification time is when the class path was
 * stamped for the model the cache holds, less {@link #MARGIN}. The launcher asks {@code find}
 * whether any of them changed after that ({@code -cnewer}: a change time, which a copy keeping
 * old modification times still moves). Where the model is not known to be cached, the file is
 * removed. Where the launcher did not ask, or the file cannot be written, nothing happens: only
 * speed is at stake.
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
  public static void update(Path file, Project project, Path settingsFile) {
    try {
      Optional<Instant> cachedAsOf = project.entityModelCachedAsOf();
      Optional<String> watched = watched(project.settings(), settingsFile);
      if (cachedAsOf.isEmpty() || watched.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      CacheDirectory.writeDated(file.getParent(), file.getFileName().toString(),
          () -> watched.get().getBytes(StandardCharsets.UTF_8), FileTime.from(cachedAsOf.get().minus(MARGIN)));
    } catch (IOException | RuntimeException e) {
      // Only speed is at stake: the launcher starts from the archive with Hibernate.
    }
  }

  /**
   * The paths a change of which may change the model or the compiled migrations, one a line; empty
   * when one cannot be written on a line of its own.
   */
  static Optional<String> watched(Settings settings, Path settingsFile) {
    List<Path> paths = new ArrayList<>(settings.classPath());
    paths.add(settings.migrations());
    if (Files.exists(settingsFile)) {
      paths.add(settingsFile);
    }
    StringBuilder lines = new StringBuilder();
    for (Path path : paths) {
      String absolute = path.toAbsolutePath().normalize().toString();
      if (absolute.contains("\n")) {
        return Optional.empty();
      }
      lines.append(absolute).append('\n');
    }
    return Optional.of(lines.toString());
  }
}
