package dev.autogenerate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.OfflineSqlTest;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.runtime.HistoryTable;
import dev.autogenerate.runtime.VersionTable;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adopting a database the tool has never seen: Hibernate created it for a 20-entity model and it
 * holds rows. {@code baseline} writes a first migration with its schema as it is and stamps it;
 * a fresh database built from that migration has the same structure; the rows are untouched; and
 * the next {@code -m} after an entity edit holds only that edit.
 */
class AdoptionTest {

  private static final int ENTITIES = 20;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void baselineAHibernateCreatedDatabaseThenEvolveIt(DatabaseKind kind) throws Exception {
    TestDatabase existing = TestDatabases.fresh(kind);
    List<Class<?>> classes = EntitySources.compile(model("")).loadClasses();
    try (SessionFactory ignored = HibernateSessions.start(existing, classes, "create")) {
      // Hibernate's own DDL made the schema.
    }
    fill(existing);

    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), existing, "com.example.adopted");
    project.entities(model(""));
    // Before the baseline, nothing built from the migrations would be this database: check fails
    // and -m writes nothing, both saying how to adopt it.
    CliRun unadopted = project.expect(1, "check");
    assertTrue(unadopted.out().contains("warning: there are no migrations, yet the database already has " + ENTITIES
        + " of the entities' tables (entity_01, entity_02, entity_03, ...)")
        && unadopted.out().contains("adopt this database as it is with autogenerate baseline"), unadopted::toString);
    CliRun refused = project.expect(2, "-m", "first");
    assertEquals(1, refused.err().lines().count(), refused::toString);
    assertTrue(refused.err().contains("a first migration written now would not create them; adopt this database first"),
        refused::toString);
    assertEquals(0, project.migrationFiles().size(), "no file written");
    CliRun baseline = project.expect(0, "baseline", "-m", "adopt the existing schema");
    assertTrue(baseline.out().contains("Stamped "), baseline::toString);
    assertEquals(1, project.migrationFiles().size());
    if (kind == DatabaseKind.SQLITE) {
      // Hibernate's SQLite DDL leaves foreign keys out: the only true drift, and check says so.
      CliRun drift = project.expect(1, "check");
      List<String> differences = drift.out().lines().filter(line -> line.startsWith("  ")).toList();
      assertEquals(ENTITIES - 1, differences.size(), drift::toString);
      assertTrue(differences.stream().allMatch(line -> line.startsWith("  add foreign key ")), drift::toString);
      project.expect(0, "-m", "the foreign keys Hibernate left out");
      project.expect(0, "upgrade", "head");
    }
    project.expect(0, "check");
    try (Connection connection = existing.open()) {
      assertEquals(project.migrationFiles().size(), HistoryTable.entries(connection).size());
      assertEquals(1, count(connection, "select count(*) from entity_20"), "the rows stay");
    }

    // The migrations alone rebuild the same structure on an empty database.
    TestDatabase fresh = TestDatabases.fresh(kind);
    ProjectDirectory rebuilt = new ProjectDirectory(directory.resolve("rebuilt"), fresh, "com.example.adopted");
    rebuilt.entities(model(""));
    copyMigrations(project, rebuilt);
    rebuilt.expect(0, "upgrade", "head");
    assertEquals(inspect(existing), inspect(fresh));
    rebuilt.expect(0, "check");

    // The next revision holds only what the entities change.
    project.entities(model("  Integer rating;\n"));
    CliRun next = project.expect(0, "-m", "ratings");
    List<String> steps = next.out().lines().filter(line -> line.startsWith("  ")).toList();
    assertEquals(ENTITIES, steps.size(), next::toString);
    assertTrue(steps.stream().allMatch(step -> step.startsWith("  add column entity_") && step.endsWith(".rating")),
        next::toString);
    project.expect(0, "upgrade", "head");
    try (Connection connection = existing.open()) {
      assertEquals(1, count(connection, "select count(*) from entity_07"));
      assertEquals(project.migrationFiles().size(), HistoryTable.entries(connection).size());
      assertEquals(kind == DatabaseKind.SQLITE ? 3 : 2, project.migrationFiles().size());
      assertTrue(VersionTable.current(connection) != null);
    }
  }

  /**
   * The baseline was stamped, not run: the tables its upgrade creates were there before it, and
   * its downgrade, which drops them, would delete the adopted database. {@code downgrade} refuses,
   * naming the stamp that forgets the revision instead. Where the same migration ran (a database
   * built from the migrations), reverting it is an ordinary downgrade.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aStampedBaselineIsNotRevertedByDroppingWhatItAdopted(DatabaseKind kind) throws Exception {
    TestDatabase existing = TestDatabases.fresh(kind);
    try (Connection connection = existing.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table person (id bigint primary key, name varchar(80))");
      statement.execute("insert into person values (1, 'Ada')");
    }
    String person = "package com.example.adopted;\n\nimport jakarta.persistence.*;\n\n"
        + "@Entity\n@Table(name = \"person\")\npublic class Person {\n  @Id Long id;\n  @Column(length = 80) String name;\n}\n";
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), existing, "com.example.adopted");
    project.entities(person);
    project.expect(0, "baseline", "-m", "adopt");

    CliRun refused = project.expect(2, "downgrade", "-1");
    assertTrue(refused.err().contains("recorded with stamp or baseline, not run here")
        && refused.err().contains("drop table person") && refused.err().contains("autogenerate stamp base"),
        refused::toString);
    // In a single transaction after a revision built on it, that revision's revert rolls back too:
    // the advice reverts it first.
    String adopted = project.expect(0, "current").out().trim().split(" ")[0];
    project.entities(person.replace("String name;", "String name;\n  Integer age;"));
    project.expect(0, "-m", "ages");
    project.expect(0, "upgrade", "head");
    String ages = project.expect(0, "current").out().trim().split(" ")[0];
    // Refused before anything is reverted: the revision built on the baseline stays applied.
    CliRun ahead = project.expect(2, "downgrade", "base");
    assertTrue(ahead.err().contains("nothing was changed") && ahead.err().contains("run autogenerate downgrade "
        + adopted + " (which reverts what builds on it), then autogenerate stamp base"), ahead::toString);
    assertTrue(project.expect(0, "current").out().startsWith(ages), "still at the newest revision");
    // The offline script stops as downgrade does, before it reverts anything.
    String script = project.expect(0, "downgrade", "--sql", ages + ":base").out();
    OfflineSqlTest.ClientRun stopped = OfflineSqlTest.client(existing, script);
    assertTrue(stopped.exitCode() != 0 && stopped.output().contains("recorded one of them with stamp or baseline"),
        stopped::toString);
    try (Connection connection = existing.open()) {
      assertEquals(List.of(ages), VersionTable.heads(connection));
      assertEquals(1, count(connection, "select count(age) + count(*) from person"), "the rows and the column stay");
    }
    CliRun inOne = project.expect(2, "downgrade", "base", "--single-transaction");
    assertTrue(inOne.err().contains("run autogenerate downgrade " + adopted + " (which reverts what builds on it), then"
        + " autogenerate stamp base"), inOne::toString);
    project.expect(0, "downgrade", adopted);
    project.expect(0, "stamp", "base");
    try (Connection connection = existing.open()) {
      assertEquals(1, count(connection, "select count(*) from person"), "the adopted rows stay");
    }

    TestDatabase fresh = TestDatabases.fresh(kind);
    ProjectDirectory rebuilt = new ProjectDirectory(directory.resolve("rebuilt"), fresh, "com.example.adopted");
    rebuilt.entities(person);
    copyMigrations(project, rebuilt);
    rebuilt.expect(0, "upgrade", "head");
    rebuilt.expect(0, "downgrade", "base");
    assertEquals(List.of(), List.copyOf(inspect(fresh).tables().keySet()));
  }

  /**
   * A DBA's index, check and default that no entity maps are left alone before the baseline, as
   * any object no migration created: and after it too, without a note (the baseline's review
   * acknowledged them), on the adopted database and on one built
   * from the migrations, which create them (a database built so equals the adopted one) and leave
   * them to the database. The baseline had made them the migrations' own, and the next -m dropped
   * them.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void whatTheEntitiesDoNotMapOfAnAdoptedTableStaysTheDatabases(DatabaseKind kind) throws Exception {
    TestDatabase existing = TestDatabases.fresh(kind);
    try (Connection connection = existing.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table person (id bigint not null, name varchar(80) default 'someone'"
          + " constraint person_name_check check (length(name) > 0), constraint person_pkey primary key (id))");
      statement.execute("create index person_name_idx on person (name)");
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.execute("comment on table person is 'the people'");
      }
      statement.execute("insert into person (id, name) values (1, 'Ada')");
    }
    String person = "package com.example.adopted;\n\nimport jakarta.persistence.*;\n\n"
        + "@Entity\n@Table(name = \"person\")\npublic class Person {\n  @Id Long id;\n  @Column(length = 80) String name;\n}\n";
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), existing, "com.example.adopted");
    project.entities(person);
    CliRun unadopted = project.expect(1, "check");
    assertTrue(unadopted.out().contains("Differences: nothing for a migration to change, but:\nwarning: there are no"
        + " migrations, yet the database already has 1 of the entities' tables (person)"), unadopted::toString);
    assertTrue(unadopted.out().contains("left alone (set compare.drop-unmapped-indexes=true"), unadopted::toString);

    project.expect(0, "baseline", "-m", "adopt");

    // Left to the database by a reviewed migration: kept without a note, so --strict passes too.
    CliRun adopted = project.expect(0, "check", "--strict");
    assertFalse(adopted.out().contains("person_name_idx"), adopted::toString);
    TestDatabase fresh = TestDatabases.fresh(kind);
    ProjectDirectory rebuilt = new ProjectDirectory(directory.resolve("rebuilt"), fresh, "com.example.adopted");
    rebuilt.entities(person);
    copyMigrations(project, rebuilt);
    rebuilt.expect(0, "upgrade", "head");
    assertEquals(inspect(existing), inspect(fresh));
    rebuilt.expect(0, "check");

    project.entities(person.replace("String name;", "String name;\n  Integer age;"));
    CliRun next = project.expect(0, "-m", "ages");
    assertEquals(List.of("  add column person.age"), next.out().lines().filter(line -> line.startsWith("  ")).toList(),
        next::toString);
  }

  /**
   * An adopted {@code serial} id (its sequence an integer one) widened to {@code bigint} for a
   * {@code Long} id: PostgreSQL widens an identity column's sequence with it, not a serial's, which
   * would stop at 2,147,483,647. The revision widens it, and its downgrade narrows it back.
   */
  @org.junit.jupiter.api.Test
  void anAdoptedSerialIdWidenedToBigintTakesItsSequenceAlong() throws Exception {
    TestDatabase existing = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = existing.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table team (id serial primary key, name varchar(80))");
      statement.execute("insert into team (name) values ('a')");
    }
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), existing, "com.example.adopted");
    project.entities("package com.example.adopted;\n\nimport jakarta.persistence.*;\n\n@Entity\n@Table(name = \"team\")\n"
        + "public class Team {\n  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
        + "  @Column(length = 80) String name;\n}\n");
    project.expect(0, "baseline", "-m", "adopt");
    project.expect(0, "-m", "long ids");
    String sequenceType = "select data_type from pg_sequences where sequencename = 'team_id_seq'";

    project.expect(0, "upgrade", "head");
    try (Connection connection = existing.open()) {
      assertEquals("bigint", string(connection, sequenceType));
    }
    project.expect(0, "check");
    project.expect(0, "downgrade", "-1");
    try (Connection connection = existing.open()) {
      assertEquals("integer", string(connection, sequenceType));
    }
  }

  private static String string(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Twenty entities, each referencing the one before, with the common column types, a unique and an index. */
  private static String[] model(String extraField) {
    List<String> sources = new ArrayList<>();
    for (int i = 1; i <= ENTITIES; i++) {
      String name = String.format("Entity%02d", i);
      String parent = i == 1 ? "" : String.format("  @ManyToOne Entity%02d parent;\n", i - 1);
      sources.add("package com.example.adopted;\n\n"
          + "import jakarta.persistence.*;\n"
          + "import java.math.BigDecimal;\n"
          + "import java.time.*;\n\n"
          + "@Entity\n"
          + String.format("@Table(name = \"entity_%02d\", indexes = @Index(columnList = \"name\"))\n", i)
          + "public class " + name + " {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
          + "  @Column(nullable = false, length = 80) String name;\n"
          + "  @Column(unique = true, length = 40) String code;\n"
          + "  @Column(precision = 12, scale = 2) BigDecimal amount;\n"
          + "  LocalDate day;\n"
          + "  boolean active;\n"
          + parent
          + extraField
          + "}\n");
    }
    return sources.toArray(String[]::new);
  }

  private static void fill(TestDatabase database) throws Exception {
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      for (int i = 1; i <= ENTITIES; i++) {
        String parent = i == 1 ? "" : ", parent_id";
        String parentValue = i == 1 ? "" : ", 1";
        statement.execute(String.format("insert into entity_%02d (name, code, amount, day, active%s)"
            + " values ('row %d', 'code-%d', 12.50, date '2026-01-02', true%s)", i, parent, i, i, parentValue)
            .replace("date '2026-01-02'", database.kind() == DatabaseKind.SQLITE ? "'2026-01-02'" : "date '2026-01-02'"));
      }
    }
  }

  private static void copyMigrations(ProjectDirectory from, ProjectDirectory to) throws Exception {
    Files.createDirectories(to.migrations());
    for (Path file : from.migrationFiles()) {
      Files.copy(file, to.migrations().resolve(file.getFileName()));
    }
  }

  private static Schema inspect(TestDatabase database) throws Exception {
    try (Connection connection = database.open()) {
      return Database.forKind(database.kind()).inspect(connection, TableFilter.defaults());
    }
  }

  private static int count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
