package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input gets one clear line on stderr, exit code 2, no stack trace, and changes nothing:
 * no migration written, no table created.
 */
class CommandErrorsTest {

  @TempDir Path directory;

  @Test
  void unreachableDatabase() {
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "x", "y"));
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.expect(2, "-m", "first");

    assertOneLineError(run, "cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere");
    assertTrue(run.err().contains("(the url is from " + directory.resolve("autogenerate.properties")
        + ": check it, and the user and password; connect.timeout="), run::toString);
    assertEquals(List.of(), project.migrationFiles());
  }

  /** A database at a revision the migrations do not define: the error says which folder was read. */
  @Test
  void aRevisionNoMigrationDefinesNamesTheMigrationsRead() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    project.expect(0, "upgrade", "head");
    Files.delete(project.migrationFiles().get(0));

    CliRun run = project.expect(2, "upgrade", "head");

    assertOneLineError(run, "the database is at revision ");
    assertTrue(run.err().contains("which no migration defines") && run.err().strip().endsWith("(the migrations read: "
        + project.migrations() + ")"), run::toString);
  }

  /** A database whose tables were made otherwise: the first migration's failure points at adopting it. */
  @Test
  void theFirstMigrationOnTablesMadeOtherwisePointsAtBaseline() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("create table users (id integer primary key)");
    }

    CliRun run = project.expect(2, "upgrade", "head");

    assertOneLineError(run, "migration ");
    assertTrue(run.err().contains("table users already exists (the database has tables no migration made: adopt it with"
        + " autogenerate baseline"), run::toString);
  }

  /**
   * Found adopting a database: before a baseline, check listed the differences and ended with
   * "Run autogenerate -m", which then refused, pointing at baseline as the warning above did.
   */
  @Test
  void checkBeforeABaselineEndsWithTheBaselinesAdvice() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("create table users (id integer primary key)");
    }

    CliRun check = project.expect(1, "check");

    assertTrue(check.out().contains("warning: there are no migrations, yet the database already has"), check::toString);
    assertTrue(check.out().strip().endsWith("Run autogenerate baseline -m \"adopt the existing schema\" first, as the"
        + " warning says; then -m for the rest."), check::toString);
    project.expect(2, "-m", "first");
  }

  /** It said "the history has 0 heads: " and a lone colon, where the folder read held no migration. */
  @Test
  void mergeWithoutMigrationsNamesTheFolderRead() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    Files.createDirectories(project.migrations());

    CliRun run = project.expect(2, "merge", "-m", "join");

    assertOneLineError(run, "nothing to merge: no migrations in " + project.migrations() + " (check migrations= or --migrations)");
  }

  /** The message named autogenerate.properties and --url, where the url came from the application's own file. */
  @Test
  void anUnreachableDatabaseNamesTheApplicationFileTheUrlCameFrom() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/unused", "x", "y"));
    project.write("autogenerate.properties",
        "entities=com.example.domain\nclasspath=classes\nmigrations=src/main/java/com/example/migrations\n");
    project.write("src/main/resources/application.properties",
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2\n");
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.expect(2, "check");

    assertOneLineError(run, "cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
    assertTrue(run.err().contains("(the url is from " + directory.resolve("src/main/resources/application.properties")
        + " (spring.datasource.url): check it"), run::toString);
  }

  /** A url typed on the command line: the message says so. */
  @Test
  void anUnreachableUrlTypedAsAnOptionSaysSo() {
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/unused", "x", "y"));
    project.write("autogenerate.properties", "entities=com.example.domain\nclasspath=classes\n");
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.run("--url", "jdbc:postgresql://127.0.0.1:1/typed?connectTimeout=2", "check");

    assertTrue(run.err().contains("(the url is from option --url: check it"), run::toString);
  }

  /** The driver said only "The connection attempt failed."; the host that does not resolve is the news. */
  @Test
  void aHostThatDoesNotResolve() {
    ProjectDirectory project = new ProjectDirectory(directory, new TestDatabase(DatabaseKind.POSTGRESQL,
        "jdbc:postgresql://no-such-host.invalid:5432/app?connectTimeout=2", "x", "y"));
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.expect(2, "check");

    assertOneLineError(run, "cannot connect to jdbc:postgresql://no-such-host.invalid:5432/app?connectTimeout=2: host"
        + " no-such-host.invalid could not be resolved (no such name, or no DNS at hand) (the url is from ");
  }

  @Test
  void unreachableSqliteFile() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.SQLITE, "jdbc:sqlite:/no/such/directory/app.db", null, null));
    project.entities(WalkthroughTest.USER_V1);
    Files.createDirectories(project.migrations());

    CliRun run = project.expect(2, "upgrade", "head");

    // SQLite makes a file, not its folder: the advice is to make the folder (upgrade alone failed there).
    assertOneLineError(run, "the database file /no/such/directory/app.db does not exist, nor its folder /no/such/directory:"
        + " check the url (jdbc:sqlite:/no/such/directory/app.db), or create the folder");
    assertFalse(run.err().contains("upgrade head"), run::toString);
    assertOneLineError(project.expect(2, "check"), "the database file /no/such/directory/app.db does not exist, nor its"
        + " folder");
    assertFalse(Files.exists(Path.of("/no/such/directory")));
  }

  /** A url naming a folder said "check url, user and password". */
  /**
   * A migrations folder no file can be written into (Linux's /sys refuses even root, as an
   * immutable or read-only folder does): one line naming the folder and the fix, not an
   * "unexpected UncheckedIOException" repeating the file's path.
   */
  @Test
  void aMigrationsFolderThatRefusesTheFile() {
    Path refusing = Path.of("/sys/kernel");
    assertTrue(Files.isDirectory(refusing), "a Linux machine's /sys/kernel");
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.expect(2, "-m", "first", "--migrations", refusing.toString());

    assertOneLineError(run, "cannot write the migration into /sys/kernel (");
    assertTrue(run.err().contains("): make that folder writable, or set migrations= to one that is"), run::toString);
    assertFalse(run.err().contains("Exception"), run::toString);
  }

  @Test
  void aSqliteUrlNamingAFolder() {
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.SQLITE, "jdbc:sqlite:" + directory, null, null));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first", "--url", "jdbc:sqlite:" + directory.resolve("dev.db"));

    assertOneLineError(project.expect(2, "upgrade", "head"), "the database file " + directory + " is a folder");
  }

  /** Found by a user test: "unexpected SQLiteException: [SQLITE_NOTADB] ...". */
  @Test
  void aSqliteUrlNamingAFileThatIsNoDatabase() throws Exception {
    Path notes = directory.resolve("notes.txt");
    java.nio.file.Files.writeString(notes, "shopping list: milk, eggs, and a great deal more text than a header\n".repeat(20));
    byte[] before = java.nio.file.Files.readAllBytes(notes);
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.SQLITE, "jdbc:sqlite:" + notes, null, null));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first", "--url", "jdbc:sqlite:" + directory.resolve("dev.db"));

    assertOneLineError(project.expect(2, "upgrade", "head"), "the file the url names is not a SQLite database");
    assertOneLineError(project.expect(2, "check"), "the file the url names is not a SQLite database");
    assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(notes)), "the file is untouched");
  }

  /**
   * A migrations folder that is not there (a mistyped setting, a command run from another folder)
   * was an empty history: upgrade said "Already at head" and created an empty SQLite file.
   */
  @Test
  void aMigrationsFolderThatIsNotThereOrIsAFile() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    Path missing = directory.resolve("db/migrations");

    Path database = directory.resolve("new.db");
    for (String command : List.of("upgrade", "downgrade")) {
      CliRun run = project.expect(2, command, command.equals("upgrade") ? "head" : "base", "--migrations",
          missing.toString(), "--url", "jdbc:sqlite:" + database);
      assertOneLineError(run, "there is no migrations folder " + missing + ": run the command from the project's"
          + " folder, point `migrations` (autogenerate.properties, --migrations) at the folder that holds them, or"
          + " write the first migration with autogenerate -m MESSAGE");
    }
    assertFalse(Files.exists(database), "no empty database made");

    Files.createDirectories(missing.getParent());
    Files.writeString(missing, "not a folder");
    for (String command : List.of("upgrade", "check", "history")) {
      CliRun run = command.equals("upgrade") ? project.expect(2, command, "head", "--migrations", missing.toString())
          : project.expect(2, command, "--migrations", missing.toString());
      assertOneLineError(run, "the migrations folder " + missing + " is a file: point `migrations`");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void noEntityClassesFound(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities("""
        package com.example.domain;

        public class NotAnEntity {
          String name;
        }
        """);

    CliRun run = project.expect(2, "-m", "first");

    assertOneLineError(run, "no entity classes found in packages/classes com.example.domain");
    assertEquals(List.of(), project.migrationFiles());
    assertNoTables(project);
  }

  /**
   * Neither a class path nor entity packages: the tool's own class path holds no entity, and
   * scanning every class of it failed on one of Hibernate's needing an absent library.
   */
  @Test
  void noClassPathNorEntities() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.write("autogenerate.properties", "url=" + project.database().url() + "\nmigrations=migrations\n");

    CliRun run = project.expect(2, "check");

    assertOneLineError(run, "no entities to read: set classpath= to where your compiled entity classes are");
  }

  /**
   * A failed -m leaves no SQLite file behind: a mistyped url would otherwise name an empty
   * database from then on, and the next command would no longer say the file does not exist.
   */
  @Test
  void aFailedRevisionLeavesNoNewSqliteFile() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    Path typo = directory.resolve("typo.db");

    CliRun run = project.expect(2, "-m", "second", "--url", "jdbc:sqlite:" + typo);

    assertOneLineError(run, "the database is at base but the newest migration is ");
    assertFalse(Files.exists(typo), run::toString);
    assertOneLineError(project.expect(2, "check", "--url", "jdbc:sqlite:" + typo), "the database file " + typo
        + " does not exist");
    // Where the URL asks for write-ahead logging, SQLite writes a header at once: nothing in it all the same.
    project.expect(2, "-m", "second", "--url", "jdbc:sqlite:" + typo + "?journal_mode=wal");
    assertFalse(Files.exists(typo), run::toString);
    assertFalse(Files.exists(directory.resolve("typo.db-wal")), run::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void entityHibernateRejects(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities("""
        package com.example.domain;

        import jakarta.persistence.Entity;

        @Entity
        public class Broken {
          String name;
        }
        """);

    CliRun run = project.expect(2, "-m", "first");

    assertOneLineError(run, "Hibernate rejects the entities: ");
    assertTrue(run.err().contains("com.example.domain.Broken"), run::toString);
    assertTrue(run.err().contains("identifier"), run::toString);
    assertEquals(List.of(), project.migrationFiles());
    assertNoTables(project);
  }

  @Test
  void entityFieldOfAClassMissingFromTheClassPath() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities("""
        package com.example.domain;

        public class Address {
          String street;
        }
        """, """
        package com.example.domain;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class Customer {
          @Id Long id;
          Address address;
        }
        """);
    // As when the jar that holds the type is left off classpath=.
    Files.delete(project.root().resolve("classes/com/example/domain/Address.class"));

    CliRun run = project.expect(2, "-m", "first");

    assertOneLineError(run, "Hibernate rejects the entities: class com.example.domain.Address, which an entity names,"
        + " is not on the class path");
    assertEquals(List.of(), project.migrationFiles());
    assertNoTables(project);
  }

  /**
   * A class of the entities' package that no annotation maps (a service) is not loaded: one whose
   * supertype is in a jar the class path leaves out does not stop the command, as loading it did.
   */
  @Test
  void aServiceWhoseSupertypeIsMissingFromTheClassPathIsNotLoaded() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities("""
        package com.example.domain;

        public abstract class FrameworkService {}
        """, """
        package com.example.domain;

        public class CustomerService extends FrameworkService {
          Customer find(Long id) { return null; }
        }
        """, """
        package com.example.domain;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class Customer {
          @Id Long id;
        }
        """);
    // As when the framework's jar is left off classpath=.
    Files.delete(project.root().resolve("classes/com/example/domain/FrameworkService.class"));

    project.expect(0, "-m", "first");

    assertTrue(project.lastMigration().contains("op.createTable(\"customer\""), project::lastMigration);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void unknownRevision(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");

    assertOneLineError(project.expect(2, "upgrade", "feedbeef"), "unknown revision 'feedbeef'");
    assertNoTables(project);
    project.expect(0, "upgrade", "head");
    assertOneLineError(project.expect(2, "downgrade", "feedbeef"), "unknown revision 'feedbeef'");
    assertOneLineError(project.expect(2, "downgrade", "-5"), "cannot move -5");
    assertTrue(WalkthroughTest.columnsOf(project, "users").contains("email"));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migrationThatDoesNotCompile(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.write("src/main/java/com/example/migrations/M20260101_000000_broken.java", """
        package com.example.migrations;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "aaaaaaaaaaaa", message = "broken")
        public final class M20260101_000000_broken implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.dropTabel("users");
          }

          @Override
          public void downgrade(Operations op) {}
        }
        """);

    CliRun run = project.expect(2, "upgrade", "head");

    assertOneLineError(run, "migration does not compile: ");
    assertTrue(run.err().contains("M20260101_000000_broken.java:11: "), run::toString);
    assertNoTables(project);
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitCode2() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));

    CliRun run = project.expect(2, "upgrade", "--no-such-option");

    assertTrue(run.err().contains("--no-such-option"), run::toString);
  }

  /**
   * {@code -m} before another command's name was taken, the command ran and no migration was
   * written ({@code autogenerate -m "add size" upgrade} said it was at head, exit 0).
   */
  @Test
  void aMessageBeforeAnotherCommandIsRefusedInOneLine() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);

    assertOneLineError(project.run("-m", "add size", "upgrade"), "-m writes a migration, which upgrade does not");
    assertOneLineError(project.run("--strict", "check"), "--strict writes a migration, which check does not");
    assertOneLineError(project.run("--rename", "users=people", "upgrade"), "--rename is for the commands that compare");
    assertEquals(List.of(), project.migrationFiles());
    // Where it belongs, it is taken (and checked against the entities).
    CliRun check = project.run("--rename", "users.name=full_name", "check");
    assertTrue(check.err().contains("the entities map no column users.full_name"), check::toString);
  }

  private static final String ORDER_IN_SALES = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(schema = "sales", name = "orders")
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
      }
      """;

  @Test
  void schemaThatDoesNotExistOnPostgres() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(ORDER_IN_SALES);

    CliRun run = project.expect(2, "-m", "first");

    assertOneLineError(run, "schema sales does not exist: ");
    assertTrue(run.err().contains("(create schema sales)"), run::toString);
    assertEquals(List.of(), project.migrationFiles());
    assertNoTables(project);
  }

  @Test
  void schemaOnSqlite() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(ORDER_IN_SALES);

    CliRun run = project.expect(2, "-m", "first");

    assertOneLineError(run, "table sales.orders is in schema sales, which SQLite does not have: remove schema=");
    assertEquals(List.of(), project.migrationFiles());
    assertNoTables(project);
  }

  /**
   * A mistyped SQLite path is an error for the commands that read a database, not a new empty
   * one: current said base, downgrade "already at base", and a 0-byte file was left behind.
   * upgrade and -m make the file, as on a new project.
   */
  @Test
  void aSqliteFileThatIsNotThere() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    Path typo = directory.resolve("typo.db");
    String url = "jdbc:sqlite:" + typo;
    for (List<String> command : List.of(List.of("current"), List.of("check"), List.of("downgrade", "base"),
        List.of("stamp", "head"))) {
      List<String> arguments = new java.util.ArrayList<>(command);
      arguments.addAll(List.of("--url", url));
      assertOneLineError(project.expect(2, arguments.toArray(String[]::new)),
          "the database file " + typo + " does not exist");
      assertFalse(Files.exists(typo), () -> String.join(" ", command) + " made " + typo);
    }
    // history needs no database: --verbose says it cannot tell which revisions are current.
    CliRun history = project.expect(0, "history", "--verbose", "--url", url);
    assertTrue(history.err().contains("the database file " + typo + " does not exist"), history::toString);
    assertFalse(Files.exists(typo));
    project.expect(0, "upgrade", "head", "--url", url);
    assertTrue(Files.exists(typo));
  }

  /** A mistyped migrations folder is named, not taken for a project without migrations. */
  @Test
  void aMigrationsFolderThatIsNotThere() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    for (String command : List.of("history", "heads")) {
      CliRun run = project.expect(0, command, "--migrations", "src/main/jav/migrations");
      assertTrue(run.out().contains("the folder " + project.root().resolve("src/main/jav/migrations")
          + " does not exist"), run::toString);
    }
  }

  /**
   * A fixed id another revision has, a word that names a place in the history, or characters a
   * target cannot name made every later command fail (or misread the history); a message over
   * two lines split every listing. Each is refused before anything is written.
   */
  @Test
  void revisionIdsAndMessagesThatCannotBeUsed() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first", "--rev-id", "aaaa00000001");

    assertOneLineError(project.expect(2, "revision", "-m", "again", "--rev-id", "aaaa00000001"),
        "revision id aaaa00000001 is already used by ");
    assertOneLineError(project.expect(2, "revision", "-m", "base", "--rev-id", "Base"), "revision id 'Base' cannot be used");
    assertOneLineError(project.expect(2, "revision", "-m", "path", "--rev-id", "x y/../z"),
        "revision id 'x y/../z' cannot be used");
    assertOneLineError(project.expect(2, "revision", "-m", "long", "--rev-id", "a".repeat(33)), "revision id '");
    assertOneLineError(project.expect(2, "revision", "-m", "line one\nline two"), "the message must be one line");
    assertOneLineError(project.expect(2, "revision", "-m", " "), "the message is empty");
    assertEquals(1, project.migrationFiles().size(), "nothing written");
    project.expect(0, "history");

    // An id that begins another one still names its own revision.
    project.expect(0, "revision", "-m", "short", "--rev-id", "aaaa");
    project.expect(0, "upgrade", "aaaa");
  }

  /**
   * A user that may connect but not read the version table (a read-only role given to CI's check,
   * say) is told so in one line, not as an unexpected driver error.
   */
  @Test
  void aUserRefusedAPrivilegeIsToldWhichOne() throws Exception {
    TestDatabase owner = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    ProjectDirectory project = new ProjectDirectory(directory, owner);
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    project.expect(0, "upgrade", "head");
    String role = "no_grants_" + Long.toHexString(System.nanoTime());
    try (Connection connection = owner.open(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("create role " + role + " login password 'pw'");
    }
    try {
      CliRun run = project.expect(2, "current", "--user", role, "--password", "pw");
      assertOneLineError(run, "the database refused the connection's user a privilege this command needs"
          + " (permission denied for table autogenerate_version)");
    } finally {
      try (Connection connection = owner.open(); java.sql.Statement statement = connection.createStatement()) {
        statement.execute("drop role " + role);
      }
    }
  }

  /**
   * PostgreSQL's driver logs a warning of its own through java.util.logging before it fails on a
   * URL without a database, on the process's stderr: a command in a process of its own (as the
   * launcher runs it) prints its one line only.
   */
  @Test
  void aUrlWithoutADatabaseIsOneLineInAProcessOfItsOwn() throws Exception {
    String url = TestDatabases.fresh(DatabaseKind.POSTGRESQL).url();
    String server = url.substring(0, url.indexOf('/', "jdbc:postgresql://".length()));
    Process process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AutogenerateCli.class.getName(), "current", "--url", server)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(2, process.waitFor());
    assertEquals(1, output.lines().count(), output);
    assertTrue(output.startsWith("error: cannot connect to " + server), output);
  }

  /**
   * A String[] field is PostgreSQL's array type: a migration written against SQLite failed at
   * upgrade, on "[]". Refused at -m and check, in one line, with nothing written.
   */
  @Test
  void anArrayColumnOnSqliteIsRefusedBeforeAMigrationIsWritten() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities("""
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "teams")
        public class Team {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
          String[] tags;
        }
        """);

    assertOneLineError(project.expect(2, "-m", "teams"), "column teams.tags is an array (");
    assertEquals(List.of(), project.migrationFiles());
  }

  /** The version printed is the one the history rows record. */
  @Test
  void theVersionIsTheBuilds() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    CliRun run = project.expect(0, "--version");
    assertEquals("autogenerate " + dev.autogenerate.runtime.ToolVersion.current() + "\n", run.out());
    assertFalse(dev.autogenerate.runtime.ToolVersion.current().equals("unknown"));
  }

  /**
   * Found by a user test: a unique constraint failing on duplicates said only that PostgreSQL could
   * not create the index; the server's detail, which names the duplicated key, is kept now.
   */
  @Test
  void aStepFailingOnRowsSaysWhichRowsAsTheServerDoes() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', 'Ada'), ('a@example.com', 'Al')");
    }
    project.entities(WalkthroughTest.USER_V1.replace("@Column(nullable = false, length = 200)",
        "@Column(nullable = false, length = 200, unique = true)"));
    project.expect(0, "-m", "unique emails");

    CliRun upgrade = project.run("upgrade", "head");
    assertOneLineError(upgrade, "migration ");
    assertTrue(upgrade.err().contains("(Key (email)=(a@example.com) is duplicated.)"), upgrade::toString);
    assertTrue(upgrade.err().contains("nothing of it was applied"), upgrade::toString);
  }

  private static void assertOneLineError(CliRun run, String expectedStart) {
    assertEquals(2, run.exitCode(), run::toString);
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), () -> "expected one line on stderr: " + run);
    assertTrue(lines.get(0).startsWith("error: " + expectedStart), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
  }

  private static void assertNoTables(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open()) {
      assertEquals(List.of(), WalkthroughTest.allTables(connection, project.database().kind()));
    }
    assertFalse(Files.exists(project.root().resolve("classes").resolve("autogenerate_version")));
  }
}
