package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hint a check leaves for the launcher, which then starts the next check from the archive
 * without Hibernate: it must exist only while the cache holds the entities' model, name every
 * file whose change could make the next check read them again, and be dated no later than the
 * moment those files were stamped, or the launcher would miss a change made while a check ran.
 */
class LaunchHintTest {

  @TempDir Path directory;
  @RegisterExtension final OwnCacheDirectory cache = new OwnCacheDirectory();
  private Path hint;

  @BeforeEach
  void launcherAsksForTheHint() {
    hint = directory.resolve("hints").resolve("1234");
    System.setProperty(LaunchHint.PROPERTY, hint.toString());
  }

  @AfterEach
  void launcherDone() {
    System.clearProperty(LaunchHint.PROPERTY);
  }

  @Test
  void aCheckLeavesTheFilesItReadDatedBeforeItStampedThem() throws Exception {
    Path root = directory.resolve("project");
    ProjectDirectory project = new ProjectDirectory(root, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(EntityModelCacheTest.USER);
    // Where the application's own configuration is read from too.
    Files.createDirectories(root.resolve("src/main/resources"));
    project.expect(0, "-m", "create users");
    project.expect(0, "upgrade", "head");
    assertFalse(Files.exists(hint), "only a check leaves a hint");

    for (String which : List.of("the check that reads the entities and caches them", "the check that takes them cached")) {
      long before = System.currentTimeMillis();
      project.expect(0, "check");
      long after = System.currentTimeMillis();
      List<String> lines = Files.readAllLines(hint);
      assertEquals(List.of(root.resolve("classes").toString(), project.migrations().toString(),
          root.resolve("autogenerate.properties").toString(), root.resolve("src/main/resources").toString()),
          lines.subList(1, lines.size()), which);
      // The cache's file of the model: the launcher's guess is wrong once it is gone.
      try (var models = Files.list(cache.path().resolve("entities"))) {
        assertEquals(List.of(lines.get(0)),
            models.map(Path::toString).filter(name -> name.endsWith(".model")).toList(), which);
      }
      long dated = Files.getLastModifiedTime(hint).toMillis();
      long margin = LaunchHint.MARGIN.toMillis();
      assertTrue(dated >= before - margin && dated <= after - margin,
          which + ": dated " + dated + ", not within [" + (before - margin) + ", " + (after - margin) + "]");
    }
  }

  @Test
  void noHintWhereTheModelIsNotKnownToBeCached() throws Exception {
    Files.createDirectories(hint.getParent());
    Files.writeString(hint, "/somewhere\n");
    Project project = new Project(SettingsLoader.load(directory, null, Map.of(),
        Map.of(SettingsLoader.URL, "jdbc:sqlite:" + directory.resolve("none.db"), SettingsLoader.CLASSPATH, "classes")));

    LaunchHint.update(hint, project, directory, directory.resolve("autogenerate.properties"));

    assertFalse(Files.exists(hint), "a hint left from before would start the next check without Hibernate");
  }

  @Test
  void aPathThatIsNotOneLineMakesNoHint() {
    Settings settings = SettingsLoader.load(directory, null, Map.of(),
        Map.of(SettingsLoader.URL, "jdbc:sqlite:x.db", SettingsLoader.CLASSPATH, "classes",
            SettingsLoader.MIGRATIONS, "odd\nname"));

    assertEquals(Optional.empty(),
        LaunchHint.lines(directory.resolve("x.model"), settings, directory, directory.resolve("autogenerate.properties")));
  }

  @Test
  void askedForByTheSystemProperty() {
    assertEquals(Optional.of(hint), LaunchHint.requested());
    System.clearProperty(LaunchHint.PROPERTY);
    assertEquals(Optional.empty(), LaunchHint.requested());
  }
}
