package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hint a command leaves for the launcher, which then starts the next identical one from the
 * archive without Hibernate and javac: it must exist only while the caches hold what the command
 * needed, name every file whose change could make the next one read the entities or compile the
 * migrations again, and be dated no later than the moment those files were stamped, or the
 * launcher would miss a change made while a command ran.
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
  void aCommandLeavesTheEntriesItUsedAndTheFilesTheyCameFromDatedBeforeTheirStamping() throws Exception {
    Path root = directory.resolve("project");
    ProjectDirectory project = new ProjectDirectory(root, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(EntityModelCacheTest.USER);
    // Where the application's own configuration is read from too.
    Files.createDirectories(root.resolve("src/main/resources"));
    project.expect(0, "-m", "create users");
    List<String> watched = List.of(root.resolve("classes").toString(), project.migrations().toString(),
        root.resolve("autogenerate.properties").toString(), root.resolve("src/main/resources").toString());

    // upgrade compiles the history and keeps it; check reads the entities and keeps their model,
    // then takes both from the caches.
    for (List<String> command : List.of(List.of("upgrade", "head"), List.of("check"), List.of("check"))) {
      long before = System.currentTimeMillis();
      project.expect(0, command.toArray(String[]::new));
      long after = System.currentTimeMillis();
      List<String> lines = Files.readAllLines(hint);
      int blank = lines.indexOf("");
      assertEquals(watched, lines.subList(blank + 1, lines.size()), command::toString);
      // The caches' files, which must still be there for the guess to hold.
      List<String> expected = new ArrayList<>();
      if (command.equals(List.of("check"))) {
        expected.addAll(cacheFiles("entities", ".model"));
      }
      expected.addAll(cacheFiles("migrations", ".history"));
      assertEquals(expected, lines.subList(0, blank), command::toString);
      long dated = Files.getLastModifiedTime(hint).toMillis();
      long margin = LaunchHint.MARGIN.toMillis();
      assertTrue(dated >= before - margin && dated <= after - margin,
          command + ": dated " + dated + ", not within [" + (before - margin) + ", " + (after - margin) + "]");
    }
  }

  @Test
  void aHintTheLauncherFoundHoldingIsLeftAsItIsUntilTheEntriesChange() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("project"), TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(EntityModelCacheTest.USER);
    project.expect(0, "-m", "create users");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    String written = Files.readString(hint);
    FileTime dated = Files.getLastModifiedTime(hint);
    Thread.sleep(20);

    System.setProperty(LaunchHint.HELD_PROPERTY, "true");
    try {
      project.expect(0, "check");
      assertEquals(written, Files.readString(hint));
      assertEquals(dated, Files.getLastModifiedTime(hint), "written again, dated anew");

      // An edited entity: another model, another entry: the hint is written again.
      project.entities(EntityModelCacheTest.USER.replace("String name;", "String name;\n  Integer age;"));
      project.expect(1, "check");
      assertTrue(!Files.readString(hint).equals(written), "the hint still names the old model's entry");
    } finally {
      System.clearProperty(LaunchHint.HELD_PROPERTY);
    }
  }

  @Test
  void noHintAfterACommandThatLeftTheCachesWithoutWhatItNeeded() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("project"), TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(EntityModelCacheTest.USER);
    project.expect(0, "-m", "create users");
    project.expect(0, "current");
    assertTrue(Files.exists(hint));

    // A migration that does not compile: current reads the rest, which no cache keeps.
    project.write("src/main/java/com/example/migrations/Broken.java", "class Broken { int x = ; }");
    project.expect(0, "current");

    assertFalse(Files.exists(hint), "the hint left before would start the next command without javac");
  }

  @Test
  void noHintForAProjectWhoseCommandNeededNoCache() throws Exception {
    Files.createDirectories(hint.getParent());
    Files.writeString(hint, "/somewhere\n");
    Project project = new Project(SettingsLoader.load(directory, null, Map.of(),
        Map.of(SettingsLoader.URL, "jdbc:sqlite:" + directory.resolve("none.db"), SettingsLoader.CLASSPATH, "classes")));

    LaunchHint.update(hint, project, directory, directory.resolve("autogenerate.properties"));

    assertFalse(Files.exists(hint));
  }

  @Test
  void aPathThatIsNotOneLineMakesNoHint() {
    Settings settings = SettingsLoader.load(directory, null, Map.of(),
        Map.of(SettingsLoader.URL, "jdbc:sqlite:x.db", SettingsLoader.CLASSPATH, "classes",
            SettingsLoader.MIGRATIONS, "odd\nname"));

    assertEquals(Optional.empty(), LaunchHint.lines(List.of(directory.resolve("x.model").toString()), settings, directory,
        directory.resolve("autogenerate.properties")));
  }

  /** The files of one cache folder that end so, by name. */
  private List<String> cacheFiles(String kind, String suffix) throws Exception {
    try (Stream<Path> files = Files.list(cache.path().resolve(kind))) {
      return files.map(Path::toString).filter(name -> name.endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void askedForByTheSystemProperty() {
    assertEquals(Optional.of(hint), LaunchHint.requested());
    System.clearProperty(LaunchHint.PROPERTY);
    assertEquals(Optional.empty(), LaunchHint.requested());
  }
}
