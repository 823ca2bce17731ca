package dev.autogenerate.project;

import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.KeptEntry;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the launcher ({@code autogenerate}) needs to start the next identical command from the
 * archive without Hibernate's classes nor javac's: whether this one found in the caches, or left
 * there, all it needed (the entities' model, the compiled history), and the files whose change
 * would make the next one read the entities or compile the migrations again. A JVM relocates
 * every class of its archive as it starts: from an archive a third the size, a check with the
 * model cached started 35-50 ms sooner, {@code current} and an {@code upgrade} with nothing to
 * run 75-80 ms sooner (10 and 200 tables). The same command reading the entities or compiling
 * would load Hibernate or javac from the jar instead, 0.15-0.35 s more at 10 tables: so the
 * launcher uses that archive only where this file says it can.
 *
 * <p>The file, named by the launcher (the system property {@value #PROPERTY}) for one folder, one
 * command line and one environment, holds absolute paths, one a line: the caches' entries, which
 * the launcher only asks to exist (a hit marks one used, so its times move); an empty line; then
 * the class path's entries, the migrations' folder, the settings file and the other places of the
 * application's configuration ({@link ApplicationConfigReader}, {@code src/main/resources}). Its
 * modification time is the earliest moment the entries' sources were stamped, less
 * {@link #MARGIN}; the launcher asks {@code find} whether any of those paths changed after that
 * ({@code -cnewer}: a change time, which a copy keeping old modification times still moves).
 * After a command that left the caches without something it needed, the file is removed. Where
 * the launcher did not ask, or the file cannot be written, nothing happens: only speed is at
 * stake.
 */
public final class LaunchHint {

  /** The hint file's path, set by the launcher. */
  public static final String PROPERTY = "autogenerate.launch-hint";

  /**
   * Set by the launcher, to {@code true}, when it found the hint holding (its entries there,
   * nothing it watches changed since its date) and started the command from the archive for
   * cached work.
   */
  public static final String HELD_PROPERTY = "autogenerate.launch-hint-held";

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
   * After a command on {@code project}: the hint for the next one when the caches hold all it
   * needed, else none (a hint written before is removed). A hint the launcher found holding,
   * whose entries are the ones this command used, is left as it is: nothing it watches had
   * changed since its date when the command started, and what changed since is newer than that
   * date still. Writing it again (its paths gathered, a file written and dated) cost a cold
   * command about 6 ms more than this reading, every time nothing changed (16 alternating runs in
   * a quiet hour; within the noise in a busy one), and a write to the disk.
   */
  public static void update(Path file, Project project, Path workingDirectory, Path settingsFile) {
    try {
      // Loops rather than streams here: each lambda's first call is linked in a cold JVM, and
      // this runs after every command that left a hint before.
      List<Optional<KeptEntry>> needed = project.cacheUse();
      List<String> entries = new ArrayList<>();
      Instant earliest = null;
      for (Optional<KeptEntry> each : needed) {
        if (each.isPresent()) {
          entries.add(absolute(each.get().file()));
          Instant stampedAt = each.get().stampedAt();
          earliest = earliest == null || stampedAt.isBefore(earliest) ? stampedAt : earliest;
        }
      }
      boolean allKept = !entries.isEmpty() && entries.size() == needed.size();
      if (allKept && Boolean.getBoolean(HELD_PROPERTY) && names(file, entries)) {
        return;
      }
      Optional<String> lines = allKept ? lines(entries, project.settings(), workingDirectory, settingsFile)
          : Optional.empty();
      if (lines.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      CacheDirectory.writeDated(file.getParent(), file.getFileName().toString(),
          () -> lines.get().getBytes(StandardCharsets.UTF_8), FileTime.from(earliest.minus(MARGIN)));
    } catch (IOException | RuntimeException e) {
      // Only speed is at stake: the launcher starts from the archive with Hibernate (and javac).
    }
  }

  /**
   * The entries' files (absolute paths), an empty line, then the paths a change of which may
   * change the model or the compiled migrations; empty when a path cannot be written on a line of
   * its own.
   */
  static Optional<String> lines(List<String> entries, Settings settings, Path workingDirectory, Path settingsFile) {
    // The settings file and the sources' resources only where they are: find would take one
    // missing for a change every time. (One made since is missed: a wrong guess costs only time.)
    Stream<Path> mayBeThere = Stream.concat(Stream.of(settingsFile),
        ApplicationConfigReader.places(workingDirectory, settings.classPath()).stream()).filter(Files::exists);
    List<String> watched = Stream.of(settings.classPath().stream(), Stream.of(settings.migrations()), mayBeThere)
        .flatMap(each -> each)
        .map(LaunchHint::absolute)
        .distinct()
        .toList();
    if (Stream.concat(entries.stream(), watched.stream()).anyMatch(path -> path.contains("\n"))) {
      return Optional.empty();
    }
    return Optional.of(Stream.of(entries, List.of(""), watched).flatMap(List::stream)
        .map(line -> line + "\n").collect(Collectors.joining()));
  }

  /** Whether the hint file names these entries (absolute paths, in order) and no others. */
  private static boolean names(Path file, List<String> entries) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int blank = lines.indexOf("");
    return blank >= 0 && lines.subList(0, blank).equals(entries);
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }
}
