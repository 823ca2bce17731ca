package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.runtime.CacheLimit;
import dev.autogenerate.runtime.SourceStamp;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands read the entities from the cache when nothing they were read from changed, and read
 * them again through Hibernate when an entity class or a setting changed: a stale model would
 * make {@code check} pass on drift, or {@code -m} write the wrong migration.
 */
class EntityModelCacheTest {

  /** One entity, the project of these tests (and of {@link LaunchHintTest}'s). */
  static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String name;
      }
      """;

  @TempDir Path directory;
  @RegisterExtension final OwnCacheDirectory cache = new OwnCacheDirectory();

  @Test
  void unchangedEntitiesComeFromTheCacheAndAnEditedOneIsReadAgain() throws Exception {
    ProjectDirectory project = upgradedProject();
    project.expect(0, "check");
    assertTheNextCheckTakesTheOneCachedModel(project);

    // An edited entity is another key: read again, and the new column is seen.
    project.entities(USER.replace("String name;", "String name;\n  Integer age;"));
    CliRun edited = project.expect(1, "check");
    assertTrue(edited.toString().contains("age"), edited::toString);
    assertTrue(!edited.toString().contains("ghost"), edited::toString);
    project.expect(0, "-m", "add age");
    // Chosen by name: two files written within one second do not sort by time.
    Path addAge = project.migrationFiles().stream().filter(file -> file.toString().contains("add_age")).findFirst()
        .orElseThrow();
    assertTrue(project.read(addAge).contains("op.addColumn(\"users\", column(\"age\", INTEGER))"),
        () -> project.read(addAge));
    assertEquals(2, models().size());
  }

  static final String ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Enumerated(EnumType.STRING) Status status;
      }
      """;

  static final String STATUS = """
      package com.example.domain;

      public enum Status { OPEN, SHIPPED }
      """;

  static final String GREETER = """
      package com.example.domain;

      public class Greeter {
        String greet(Order order) { return "Hello"; }
      }
      """;

  @Test
  void anEditOutsideTheMappingKeepsTheCachedModelAndAnEditOfWhatItNamesDoesNot() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(ORDER, STATUS, GREETER);
    project.expect(0, "-m", "create orders");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    // A class no mapped class names (it names one: that way does not count) changed: same key.
    project.entities(ORDER, STATUS, GREETER.replace("\"Hello\"", "\"Hello, \" + order.status"));
    assertTheNextCheckTakesTheOneCachedModel(project);

    // The enum an entity's field holds changed: its values are the column's check, so read again.
    project.entities(ORDER, STATUS.replace("SHIPPED", "SHIPPED, RETURNED"), GREETER);
    CliRun edited = project.run("check");
    assertTrue(!edited.toString().contains("ghost"), edited::toString);
    assertEquals(2, models().size());
  }

  static final String CODED_ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "coded_orders")
      public class CodedOrder {
        public enum Status { NEW, SHIPPED }

        public static String code(Status status) {
          return status.name().substring(0, 1);
        }

        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Convert(converter = StatusCodes.class) Status status;
      }
      """;

  static final String STATUS_CODES = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Converter
      public class StatusCodes implements AttributeConverter<CodedOrder.Status, String> {
        public String convertToDatabaseColumn(CodedOrder.Status status) {
          return status == null ? null : CodedOrder.code(status);
        }
        public CodedOrder.Status convertToEntityAttribute(String code) { return null; }
      }
      """;

  /**
   * Why a mapped class counts by its whole content, its methods' code too (an attempt to key it by
   * its declarations alone was broken in review so): Hibernate calls a converter for each enum
   * constant to write the column's check, and the converter calls a method of the entity, whose
   * body then decides the schema. Its edit reads the entities again.
   */
  @Test
  void anEntitysMethodThatACalledConverterRunsCountsWhole() throws Exception {
    ProjectDirectory project = checkedProject(directory, "", CODED_ORDER, STATUS_CODES);

    project.entities(CODED_ORDER.replace("status.name().substring(0, 1)", "status.name().toLowerCase()"), STATUS_CODES);
    CliRun edited = project.expect(1, "check");
    assertTrue(edited.toString().contains("coded_orders"), edited::toString);
  }

  static final String PREFIXES = """
      package com.example.domain;

      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      import org.hibernate.boot.model.naming.Identifier;
      import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
      import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

      public class Prefixes extends PhysicalNamingStrategyStandardImpl {
        static final Map<String, String> PREFIXES = new ConcurrentHashMap<>();

        public static void register(String entity, String prefix) {
          PREFIXES.put(entity, prefix);
        }

        @Override
        public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
          return Identifier.toIdentifier(PREFIXES.getOrDefault(name.getText(), "") + name.getText());
        }
      }
      """;

  static final String SHELF = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      public class Shelf {
        static {
          Prefixes.register("Shelf", "shop_");
        }

        @Id Long id;
      }
      """;

  static final String BASE_NAMING = """
      package com.example.domain;

      import jakarta.persistence.*;
      import org.hibernate.boot.model.naming.Identifier;
      import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
      import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

      @MappedSuperclass
      public class BaseNaming extends PhysicalNamingStrategyStandardImpl {
        @Id Long id;

        @Override
        public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
          return Identifier.toIdentifier("t_" + name.getText());
        }
      }
      """;

  static final String BOX = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      public class Box extends BaseNaming {
      }
      """;

  /**
   * The same: Hibernate initializes each mapped class it loads, so an entity's static initializer
   * runs (here it tells the naming strategy a prefix); and a mapped superclass that is also the
   * naming strategy runs its methods.
   */
  @Test
  void aStaticInitializerOrAMappedClassThatIsAlsoANamingStrategyCountsWhole() throws Exception {
    ProjectDirectory project =
        checkedProject(directory, "naming.physical-strategy=com.example.domain.Prefixes\n", PREFIXES, SHELF);
    project.entities(PREFIXES, SHELF.replace("shop_", "store_"));
    CliRun renamed = project.expect(1, "check");
    assertTrue(renamed.toString().contains("store_shelf"), renamed::toString);

    ProjectDirectory other = checkedProject(directory.resolve("other"),
        "naming.physical-strategy=com.example.domain.BaseNaming\n", BASE_NAMING, BOX);
    other.entities(BASE_NAMING.replace("\"t_\"", "\"u_\""), BOX);
    CliRun prefixed = other.expect(1, "check");
    assertTrue(prefixed.toString().contains("u_box"), prefixed::toString);
  }

  @Test
  void classFilesSeenBeforeGiveTheirKeyWithoutBeingReadAndAnEditIsSeenAnyway() throws Exception {
    ProjectDirectory project = upgradedProject();
    // Files changed in the last seconds (as a build just wrote them) are hashed, never
    // remembered by their stamps. Changed now, not when upgradedProject wrote them, which on a
    // loaded machine may be seconds ago.
    // A machine that stalled for the two seconds between the change and the check's stamps
    // (the stamps had settled by then, and the key was remembered) changes them again.
    int attempts = 0;
    do {
      changedNow(project.root().resolve("classes"));
      for (Path key : entries(".key")) {
        Files.delete(key);
      }
      project.expect(0, "check");
    } while (!entries(".key").isEmpty() && ++attempts < 3);
    assertEquals(List.of(), entries(".key"));
    Thread.sleep(SourceStamp.SETTLE_MILLIS + 300);
    project.expect(0, "check");
    List<Path> remembered = entries(".key");
    assertEquals(1, remembered.size(), remembered::toString);

    // Proof that the next check takes the key from the stamps: pointed at another model, one
    // with a table the entities do not have, it reports that table.
    String[] stampsAndKey = Files.readString(remembered.get(0)).split(" ");
    String stamps = stampsAndKey[0];
    String otherKey = "f".repeat(stampsAndKey[1].length());
    Files.writeString(remembered.get(0), stamps + " " + otherKey);
    Path model = models().get(0);
    Files.copy(model, model.resolveSibling(otherKey + ".model"));
    addGhostTable(model.resolveSibling(otherKey + ".model"));
    CliRun fromStamps = project.expect(1, "check");
    assertTrue(fromStamps.toString().contains("ghost"), fromStamps::toString);

    // An edited entity changes its class file's stamp: hashed again, its own key, the new column seen.
    project.entities(USER.replace("String name;", "String name;\n  Integer age;"));
    CliRun edited = project.expect(1, "check");
    assertTrue(edited.toString().contains("age") && !edited.toString().contains("ghost"), edited::toString);
    // One remembered key per project, replaced as its files change, not one more per build.
    Thread.sleep(SourceStamp.SETTLE_MILLIS + 300);
    project.expect(1, "check");
    assertEquals(1, entries(".key").size());
  }

  /**
   * A class no annotation maps is not loaded (CommandErrorsTest) also when the key comes from
   * the remembered stamps and the model is gone from the cache: what the files say of their
   * classes is made then.
   */
  @Test
  void withTheKeyRememberedAndTheModelGoneAnUnmappedClassIsStillNotLoaded() throws Exception {
    ProjectDirectory project = upgradedProject();
    project.entities(USER, """
        package com.example.domain;

        public abstract class FrameworkService {}
        """, """
        package com.example.domain;

        public class UserService extends FrameworkService {}
        """);
    // As when the framework's jar is left off classpath=.
    Files.delete(project.root().resolve("classes/com/example/domain/FrameworkService.class"));
    Thread.sleep(SourceStamp.SETTLE_MILLIS + 300);
    project.expect(0, "check");
    assertEquals(1, entries(".key").size());

    for (Path model : models()) {
      Files.delete(model);
    }
    project.expect(0, "check");
    assertEquals(1, models().size());
  }

  /** A class path folder that is a symbolic link is read through it: its classes are no empty folder. */
  @Test
  void aLinkedClassFolderIsReadThroughTheLink() throws Exception {
    ProjectDirectory project = upgradedProject();
    Path classes = project.root().resolve("classes");
    Path real = project.root().resolve("real-classes");
    Files.move(classes, real);
    Files.createSymbolicLink(classes, real);
    project.expect(0, "check");

    // The entity edited behind the link: read again, not the model of the classes as they were.
    Path linked = project.root().resolve("linked-edit");
    Files.createDirectories(linked);
    Files.delete(classes);
    Files.move(real, linked.resolve("old"));
    project.entities(USER.replace("String name;", "String name;\n  Integer age;"));
    Files.move(classes, real);
    Files.createSymbolicLink(classes, real);
    CliRun edited = project.expect(1, "check");
    assertTrue(edited.toString().contains("age"), edited::toString);
  }

  /**
   * A link in the class folder back to a folder it is in (a build's mistake, or a convenience
   * link): its files are keyed under their own names, and the model is cached as usual.
   */
  @Test
  void aLinkBackUpInTheClassFolderLeavesTheCacheOn() throws Exception {
    ProjectDirectory project = upgradedProject();
    Files.createSymbolicLink(project.root().resolve("classes").resolve("up"), project.root().resolve("classes"));
    project.expect(0, "check");
    assertTheNextCheckTakesTheOneCachedModel(project);
  }

  @Test
  void theRunThatWritesTheLaunchersClassArchiveReadsTheEntitiesAnyway() throws Exception {
    ProjectDirectory project = upgradedProject();
    addGhostTable(models().get(0));

    System.setProperty(Project.CLASS_ARCHIVE_RUN, "true");
    try {
      CliRun read = project.expect(0, "check");
      assertTrue(!read.toString().contains("ghost"), read::toString);
    } finally {
      System.clearProperty(Project.CLASS_ARCHIVE_RUN);
    }
    // It wrote what it read: the next command takes the right model from the cache.
    project.expect(0, "check");
  }

  @Test
  void theRunThatWritesTheArchiveForACachedModelTakesItFromTheCache() throws Exception {
    ProjectDirectory project = upgradedProject();
    project.expect(0, "check");

    System.setProperty(Project.CLASS_ARCHIVE_RUN, Project.ARCHIVE_RUN_WITH_MODEL_CACHED);
    try {
      // Or Hibernate's classes would be in the archive meant to start without them.
      assertTheNextCheckTakesTheOneCachedModel(project);
    } finally {
      System.clearProperty(Project.CLASS_ARCHIVE_RUN);
    }
  }

  @Test
  void aChangedHibernateSettingIsAnotherEntry() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(USER);
    project.expect(0, "-m", "create users");
    assertEquals(1, models().size());
    project.write("autogenerate.properties", Files.readString(project.root().resolve("autogenerate.properties"))
        + "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy\n");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    assertEquals(2, models().size());
  }

  @Test
  void theFolderKeepsUnderItsLimitLosingTheModelsLeastRecentlyUsed() throws Exception {
    Path folder = directory.resolve("limited");
    EntityModel model = new EntityModel(Schema.EMPTY.withTable(
        new Table("users", List.of(Column.column("id", SqlType.INTEGER)), Optional.empty())), Renames.NONE);
    int size = EntityModelCodec.write(model).length;
    EntityModelCache limited = new EntityModelCache(folder, new CacheLimit(size * 3L - 1));

    limited.put("first", model);
    limited.put("second", model);
    Files.setLastModifiedTime(folder.resolve("first.model"), FileTime.fromMillis(1000));
    Files.setLastModifiedTime(folder.resolve("second.model"), FileTime.fromMillis(2000));
    assertTrue(limited.get("first").isPresent(), "a hit marks the entry used");
    limited.put("third", model);

    assertTrue(limited.get("first").isPresent());
    assertTrue(limited.get("second").isEmpty(), "the least recently used went");
    assertTrue(limited.get("third").isPresent());
  }

  /** A SQLite project with the users entity, its first migration written and applied. */
  private ProjectDirectory upgradedProject() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(USER);
    project.expect(0, "-m", "create users");
    project.expect(0, "upgrade", "head");
    return project;
  }

  /**
   * A project on SQLite in {@code root} with these entities, their first migration applied and
   * checked, so their model is cached; {@code settings} added to its properties.
   */
  private static ProjectDirectory checkedProject(Path root, String settings, String... entities) {
    ProjectDirectory project = new ProjectDirectory(root, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.write("autogenerate.properties", project.read(root.resolve("autogenerate.properties")) + settings);
    project.entities(entities);
    project.expect(0, "-m", "create");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    return project;
  }

  /**
   * One model is cached, and the next check takes it: a table the entities do not have, added
   * to the cached model, is reported.
   */
  private void assertTheNextCheckTakesTheOneCachedModel(ProjectDirectory project) throws Exception {
    List<Path> entries = models();
    assertEquals(1, entries.size(), entries::toString);
    addGhostTable(entries.get(0));
    CliRun fromCache = project.expect(1, "check");
    assertTrue(fromCache.toString().contains("ghost"), fromCache::toString);
  }

  /** Adds a table named ghost to a cached model: a command that reports it took the model from the cache. */
  private static void addGhostTable(Path entry) throws Exception {
    EntityModel cached = EntityModelCodec.read(Files.readAllBytes(entry));
    Schema withGhost = cached.schema().withTable(
        new Table("ghost", List.of(Column.column("id", SqlType.INTEGER)), Optional.empty()));
    Files.write(entry, EntityModelCodec.write(new EntityModel(withGhost, cached.renames())));
  }

  /** Gives every file below {@code folder} a change time (ctime) of now, its contents and mtime as they were. */
  private static void changedNow(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, Files.getLastModifiedTime(file));
      }
    }
  }

  private List<Path> models() throws Exception {
    return entries(".model");
  }

  private List<Path> entries(String suffix) throws Exception {
    Path entities = cache.path().resolve("entities");
    if (!Files.isDirectory(entities)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(entities)) {
      return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
