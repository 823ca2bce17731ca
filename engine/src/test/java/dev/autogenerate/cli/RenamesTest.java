package dev.autogenerate.cli;

import static dev.autogenerate.cli.WalkthroughTest.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Renames through the command line on each database: a field or entity renamed with
 * {@code @RenamedFrom}, or named with {@code --rename}, keeps its data through {@code -m},
 * {@code upgrade} and {@code downgrade}, with foreign keys still holding; a drop and an add that
 * only look like a rename are pointed out; a misspelt old name is a one-line error.
 */
class RenamesTest {

  static final String TEAM = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "teams")
      public class Team {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 40) String code;
      }
      """;

  static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users", indexes = @Index(columnList = "nickname"))
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 200) String email;
        @Column(length = 40) String nickname;
        @ManyToOne @JoinColumn(name = "team_id") Team team;
      }
      """;

  /** The nickname field renamed to displayName, column display_name, its index following. */
  static final String USER_RENAMED_FIELD = USER
      .replace("import jakarta.persistence.*;", "import dev.autogenerate.annotations.RenamedFrom;\nimport jakarta.persistence.*;")
      .replace("columnList = \"nickname\"", "columnList = \"display_name\"")
      .replace("@Column(length = 40) String nickname;",
          "@RenamedFrom(\"nickname\") @Column(name = \"display_name\", length = 40) String displayName;");

  /** The Team entity renamed to Squad, table squads. */
  static final String SQUAD = TEAM
      .replace("import jakarta.persistence.*;", "import dev.autogenerate.annotations.RenamedFrom;\nimport jakarta.persistence.*;")
      .replace("@Table(name = \"teams\")", "@Table(name = \"squads\")\n@RenamedFrom(\"teams\")")
      .replace("class Team", "class Squad");

  static final String USER_OF_SQUAD = USER.replace("Team team;", "Squad team;");

  @TempDir Path directory;

  /** Teams and users created, applied, and filled: two teams, three users of the first. */
  private ProjectDirectory populated(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(TEAM, USER);
    project.expect(0, "-m", "teams and users");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into teams (code) values ('red')", "insert into teams (code) values ('blue')",
        "insert into users (email, nickname, team_id) values ('a@example.com', 'Ann', 1)",
        "insert into users (email, nickname, team_id) values ('b@example.com', 'Bob', 1)",
        "insert into users (email, nickname, team_id) values ('c@example.com', null, 1)");
    return project;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFieldRenamedWithRenamedFromKeepsItsValuesBothWays(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(TEAM, USER_RENAMED_FIELD);

    List<Path> before = project.migrationFiles();
    CliRun generated = project.expect(0, "-m", "display names");
    String file = newMigration(project, before);
    assertEquals(List.of("op.renameColumn(\"users\", \"nickname\", \"display_name\");"), statements(file, "upgrade"),
        file);
    assertEquals(List.of("op.renameColumn(\"users\", \"display_name\", \"nickname\");"), statements(file, "downgrade"),
        file);
    assertFalse(generated.out().contains("warning"), generated::toString);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("Ann", "Bob", "null"), values(project, "select display_name from users order by id"));
    project.expect(0, "check");
    assertTrue(project.expect(0, "-m", "nothing more").out().contains("No changes"));

    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("Ann", "Bob", "null"), values(project, "select nickname from users order by id"));
    assertFalse(WalkthroughTest.columnsOf(project, "users").contains("display_name"));
  }

  static final String ADDRESS = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Embeddable
      public class Address {
        @Column(length = 20) String zip;
        String city;
      }
      """;

  static final String CUSTOMER = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.util.List;

      @Entity
      @Table(name = "customers")
      public class Customer {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Embedded Address home;
        @ElementCollection @CollectionTable(name = "customer_addresses") List<Address> previous;
      }
      """;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEmbeddableFieldRenamedWithRenamedFromIsRenamedInItsElementCollectionTableToo(DatabaseKind kind)
      throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(ADDRESS, CUSTOMER);
    project.expect(0, "-m", "customers");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into customers (zip, city) values ('1000', 'Brussels')",
        "insert into customer_addresses (customer_id, zip, city) values (1, '75001', 'Paris')");
    project.entities(ADDRESS
        .replace("import jakarta.persistence.*;", "import dev.autogenerate.annotations.RenamedFrom;\nimport jakarta.persistence.*;")
        .replace("@Column(length = 20) String zip;", "@RenamedFrom(\"zip\") @Column(length = 20) String postcode;"),
        CUSTOMER);

    List<Path> before = project.migrationFiles();
    CliRun generated = project.expect(0, "-m", "postcodes");
    String file = newMigration(project, before);
    assertEquals(Set.of("op.renameColumn(\"customers\", \"zip\", \"postcode\");",
        "op.renameColumn(\"customer_addresses\", \"zip\", \"postcode\");"), Set.copyOf(statements(file, "upgrade")),
        file);
    assertFalse(generated.out().contains("warning"), generated::toString);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("1000"), values(project, "select postcode from customers"));
    assertEquals(List.of("75001"), values(project, "select postcode from customer_addresses"));
    project.expect(0, "check");
  }

  static final String PERSON = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.util.List;

      @Entity
      public class Person {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String name;
        @ElementCollection List<String> nicknames;
      }
      """;

  /** Its collection table (person_nicknames, keyed by person_id) was dropped and created empty. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEntityRenamedWithRenamedFromTakesItsCollectionTablesAlong(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    assertCollectionTableFollows(project, PERSON, "person", PERSON
        .replace("import jakarta.persistence.*;", "import dev.autogenerate.annotations.RenamedFrom;\nimport jakarta.persistence.*;")
        .replace("@Entity\npublic class Person", "@Entity\n@RenamedFrom(\"person\")\npublic class Human"), "human");
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("Annie"), values(project, "select nicknames from person_nicknames where person_id = 1"));
  }

  /**
   * JPA names the collection table after the entity, not its table: with {@code @Table(name =
   * "people")} it is person_nicknames, which the table's name in front did not find; it was
   * dropped with its rows. Its foreign key to the renamed table finds it. (The comparison is the
   * same on both databases: SQLite only.)
   */
  @Test
  void anEntityWhoseTableIsNamedOtherwiseTakesItsCollectionTablesAlongToo() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    String people = PERSON.replace("@Entity\npublic class Person", "@Entity\n@Table(name = \"people\")\npublic class Person");
    assertCollectionTableFollows(project, people, "people", people
        .replace("import jakarta.persistence.*;", "import dev.autogenerate.annotations.RenamedFrom;\nimport jakarta.persistence.*;")
        .replace("@Table(name = \"people\")\npublic class Person", "@Table(name = \"humans\")\n@RenamedFrom(\"people\")\npublic class Human"),
        "humans");
  }

  /**
   * Person's table, with a row and a nickname, renamed by the entities to Human's: the migration
   * renames the table, person_nicknames to human_nicknames and its person_id to human_id, keeping
   * the nickname; applied, check passes.
   */
  private void assertCollectionTableFollows(ProjectDirectory project, String entity, String table, String renamed,
      String renamedTable) throws Exception {
    project.entities(entity);
    project.expect(0, "-m", "people");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into " + table + " (name) values ('Ann')",
        "insert into person_nicknames (person_id, nicknames) values (1, 'Annie')");
    project.entities(renamed);

    List<Path> before = project.migrationFiles();
    CliRun generated = project.expect(0, "-m", "humans");
    String file = newMigration(project, before);
    assertTrue(statements(file, "upgrade").containsAll(List.of("op.renameTable(\"" + table + "\", \"" + renamedTable + "\");",
        "op.renameTable(\"person_nicknames\", \"human_nicknames\");",
        "op.renameColumn(\"human_nicknames\", \"person_id\", \"human_id\");")), file);
    assertFalse(file.contains("dropTable"), file);
    assertFalse(generated.out().contains("warning"), generated::toString);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("Annie"), values(project, "select nicknames from human_nicknames where human_id = 1"));
    project.expect(0, "check");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRenamedFieldWhoseTypeAlsoChangedIsRenamedThenAltered(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(TEAM, USER_RENAMED_FIELD.replace("\"display_name\", length = 40", "\"display_name\", length = 80"));

    String file = generate(project, "-m", "longer display names");
    assertEquals(List.of("op.renameColumn(\"users\", \"nickname\", \"display_name\");",
        "op.alterColumn(\"users\", \"display_name\", type(varchar(80)));"), statements(file, "upgrade"), file);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("Ann", "Bob", "null"), values(project, "select display_name from users order by id"));
    project.expect(0, "check");
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("Ann", "Bob", "null"), values(project, "select nickname from users order by id"));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEntityRenamedWithRenamedFromKeepsItsRowsAndTheForeignKeysToIt(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(SQUAD, USER_OF_SQUAD);

    String file = generate(project, "-m", "teams are squads");
    assertEquals(List.of("op.renameTable(\"teams\", \"squads\");"), statements(file, "upgrade"), file);
    assertEquals(List.of("op.renameTable(\"squads\", \"teams\");"), statements(file, "downgrade"), file);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("red", "blue"), values(project, "select code from squads order by id"));
    assertEquals("squads", usersForeignKey(project).referencedTable());
    assertReferencesHold(project, "squads");
    project.expect(0, "check");

    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("red", "blue"), values(project, "select code from teams order by id"));
    assertEquals("teams", usersForeignKey(project).referencedTable());
    assertReferencesHold(project, "teams");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void renameOnTheCommandLineDoesTheSameWithoutTheAnnotation(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(SQUAD.replace("@RenamedFrom(\"teams\")\n", ""),
        USER_OF_SQUAD.replace("columnList = \"nickname\"", "columnList = \"display_name\"")
            .replace("@Column(length = 40) String nickname;", "@Column(name = \"display_name\", length = 40) String name;"));

    CliRun differences = project.expect(1, "check", "--rename", "teams=squads", "--rename", "users.nickname=display_name");
    assertTrue(differences.out().contains("  rename table teams to squads"), differences::toString);
    assertTrue(differences.out().contains("  rename column users.nickname to display_name"), differences::toString);
    assertFalse(differences.out().contains("drop"), differences::toString);

    List<Path> before = project.migrationFiles();
    project.expect(0, "--rename", "teams=squads", "-m", "renamed by hand", "--rename", "users.nickname=display_name");
    String file = newMigration(project, before);
    assertEquals(List.of("op.renameTable(\"teams\", \"squads\");",
        "op.renameColumn(\"users\", \"nickname\", \"display_name\");"), statements(file, "upgrade"), file);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("Ann", "Bob", "null"), values(project, "select display_name from users order by id"));
    assertEquals(List.of("red", "blue"), values(project, "select code from squads order by id"));
    assertReferencesHold(project, "squads");
    // Once applied, the database has the new names: nothing is left to rename, with or without it.
    project.expect(0, "check");
    project.expect(0, "check", "--rename", "teams=squads");

    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("Ann", "Bob", "null"), values(project, "select nickname from users order by id"));
    assertEquals(List.of("red", "blue"), values(project, "select code from teams order by id"));

    // The long form takes it too (the reverted migration removed first, as -m wants the head applied).
    Files.delete(project.migrationFiles().stream()
        .filter(path -> path.toString().endsWith("renamed_by_hand.java")).findFirst().orElseThrow());
    String again = generate(project, "revision", "--autogenerate", "-m", "again", "--rename",
        "users.nickname=display_name", "--rename", "teams=squads");
    assertEquals(List.of("op.renameTable(\"teams\", \"squads\");",
        "op.renameColumn(\"users\", \"nickname\", \"display_name\");"), statements(again, "upgrade"), again);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDropAndAnAddThatLookLikeARenameArePointedOutInTheOutputAndTheFile(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(TEAM, USER_RENAMED_FIELD.replace("@RenamedFrom(\"nickname\") ", ""));

    List<Path> before = project.migrationFiles();
    CliRun generated = project.expect(0, "-m", "display names");

    String hint = "users.nickname and users.display_name look like a rename: add @RenamedFrom(\"nickname\") to keep"
        + " the data (or, for a join or collection table, which has no field for it, --rename"
        + " users.nickname=display_name)";
    assertTrue(generated.out().lines().anyMatch(line -> line.equals("warning: " + hint)), generated::toString);
    String file = newMigration(project, before);
    int drop = file.indexOf("op.dropColumn(\"users\", \"nickname\");");
    assertTrue(drop > 0 && WrappedComments.containsWrapped(file.substring(file.lastIndexOf(";", drop) + 1, drop),
        "// " + hint), file);
    assertTrue(statements(file, "upgrade").contains("op.addColumn(\"users\", column(\"display_name\", varchar(40)));"),
        file);

    // check says it too (the unapplied migration set aside, as check wants the newest one applied).
    project.migrationFiles().stream().filter(path -> !before.contains(path)).forEach(path -> path.toFile().delete());
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("warning: " + hint), check::toString);
    // Said once, as a warning: each step of the report stays on its line.
    assertEquals(1, check.out().lines().filter(line -> line.contains(hint)).count(), check::toString);
    assertTrue(check.out().lines().anyMatch(line -> line.startsWith("  drop column ")), check::toString);

    project.entities(SQUAD.replace("@RenamedFrom(\"teams\")\n", ""), USER_OF_SQUAD);
    CliRun tables = project.expect(1, "check");
    assertTrue(tables.out().contains("warning: tables teams and squads look like a rename: add @RenamedFrom(\"teams\")"
        + " to the entity to keep the data (or, for a join or collection table, which has no entity, --rename"
        + " teams=squads)"), tables::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anOldNameTheDatabaseDoesNotHaveIsAOneLineErrorAndWritesNothing(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(TEAM, USER_RENAMED_FIELD.replace("@RenamedFrom(\"nickname\")", "@RenamedFrom(\"nick\")"));

    CliRun misspelt = project.expect(2, "-m", "display names");

    assertEquals("error: @RenamedFrom(\"nick\") on com.example.domain.User.displayName: table users has no column nick"
        + " (nor display_name); name the old column as the database has it\n", misspelt.err());
    assertEquals(1, project.migrationFiles().size());

    CliRun malformed = project.expect(2, "check", "--rename", "nickname");
    assertTrue(malformed.err().startsWith("error: --rename nickname: write TABLE.OLD=NEW for a column"),
        malformed::toString);
    // A rename that cannot be carried out as stated is the user's mistake (exit 2), not drift (exit 1).
    CliRun checked = project.expect(2, "check");
    assertTrue(checked.err().startsWith("error: @RenamedFrom(\"nick\") on com.example.domain.User.displayName"),
        checked::toString);
  }

  /**
   * Found by a user test: a table created quoted, {@code "WarehouseStock"}, is reached only by a
   * quoted old name, as an unquoted one is folded to lower case; the error said to name the old
   * table as the database has it, which is what the user thought they had done. It names the
   * table the database has and what to write, for a column too.
   */
  @Test
  void anOldNameTheDatabaseHasInOtherCaseIsAnErrorSayingToQuoteIt() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    String stock = """
        package com.example.domain;

        import dev.autogenerate.annotations.RenamedFrom;
        import jakarta.persistence.*;

        @Entity
        @Table(name = "\\"WarehouseStock\\"")
        public class Stock {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
          @Column(name = "\\"OnHand\\"") Integer onHand;
        }
        """;
    project.entities(stock);
    project.expect(0, "-m", "stock");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into \"WarehouseStock\" (\"OnHand\") values (7)");

    String renamedTable = stock.replace("@Table(name = \"\\\"WarehouseStock\\\"\")",
        "@Table(name = \"stock\")\n@RenamedFrom(\"WarehouseStock\")");
    project.entities(renamedTable);
    CliRun table = project.expect(2, "-m", "renamed stock");
    assertEquals("error: @RenamedFrom(\"WarehouseStock\") on com.example.domain.Stock: the database has no table"
        + " warehousestock (nor stock), but it has \"WarehouseStock\", which differs in case: an unquoted name is"
        + " folded to lower case, so quote it: write @RenamedFrom(\"\\\"WarehouseStock\\\"\")\n", table.err());

    String quotedTable = renamedTable.replace("@RenamedFrom(\"WarehouseStock\")",
        "@RenamedFrom(\"\\\"WarehouseStock\\\"\")");
    project.entities(quotedTable.replace("@Column(name = \"\\\"OnHand\\\"\")",
        "@RenamedFrom(\"OnHand\") @Column(name = \"on_hand\")"));
    CliRun column = project.expect(2, "-m", "renamed stock");
    assertEquals("error: @RenamedFrom(\"OnHand\") on com.example.domain.Stock.onHand: table stock has no column"
        + " onhand (nor on_hand), but it has \"OnHand\", which differs in case: an unquoted name is folded to lower"
        + " case, so quote it: write @RenamedFrom(\"\\\"OnHand\\\"\")\n", column.err());
    assertEquals(1, project.migrationFiles().size());

    // What the errors say to write works.
    project.entities(quotedTable.replace("@Column(name = \"\\\"OnHand\\\"\")",
        "@RenamedFrom(\"\\\"OnHand\\\"\") @Column(name = \"on_hand\")"));
    project.expect(0, "-m", "renamed stock");
    project.expect(0, "upgrade", "head");
    assertEquals(List.of("7"), values(project, "select on_hand from stock"));
  }

  /**
   * A rename from the name the entities map already, as one that differs only in case is once an
   * unquoted name folds it, is said to be that: before, the error said the entities still mapped
   * the old table, "so it cannot become" the same name.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRenameFromTheNameItselfIsAOneLineErrorSayingSo(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(TEAM
        .replace("import jakarta.persistence.*;", "import dev.autogenerate.annotations.RenamedFrom;\nimport jakarta.persistence.*;")
        .replace("@Table(name = \"teams\")", "@Table(name = \"Teams\")\n@RenamedFrom(\"teams\")"), USER);

    CliRun table = project.expect(2, "-m", "capital");

    assertEquals("error: @RenamedFrom(\"teams\") on com.example.domain.Team: teams is the name the entities map the"
        + " table to already (names that differ only in case are one name unless quoted); remove the rename, or name"
        + " the old one as the database has it\n", table.err());
    assertEquals(1, project.migrationFiles().size());

    project.entities(TEAM, USER);
    CliRun column = project.expect(2, "check", "--rename", "users.nickname=nickname");
    assertTrue(column.err().startsWith("error: --rename users.nickname=nickname: users.nickname is the name the"
        + " entities map the column to already"), column::toString);
  }

  /** Runs a command that writes one migration, and gives that migration's text. */
  private static String generate(ProjectDirectory project, String... args) {
    List<Path> before = project.migrationFiles();
    project.expect(0, args);
    return newMigration(project, before);
  }

  /**
   * The one migration not among {@code before}. Not simply the last by name: two written within
   * one second sort by their messages.
   */
  private static String newMigration(ProjectDirectory project, List<Path> before) {
    List<Path> written = project.migrationFiles().stream().filter(file -> !before.contains(file)).toList();
    assertEquals(1, written.size(), written::toString);
    return project.read(written.get(0));
  }

  private static ForeignKey usersForeignKey(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open()) {
      Schema schema = Database.forKind(project.database().kind()).inspector().inspect(connection, TableFilter.defaults());
      return schema.requireTable("users").foreignKeys().get(0);
    }
  }

  /** The users' rows reference existing rows of {@code teams}, and a row referencing none is refused. */
  private static void assertReferencesHold(ProjectDirectory project, String teams) throws Exception {
    assertEquals(List.of("3"), values(project,
        "select count(*) from users join " + teams + " on " + teams + ".id = users.team_id"));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      if (project.database().kind() == DatabaseKind.SQLITE) {
        statement.execute("pragma foreign_keys = on");
        try (ResultSet broken = statement.executeQuery("pragma foreign_key_check")) {
          assertFalse(broken.next(), "a row references nothing");
        }
      }
      assertThrows(SQLException.class,
          () -> statement.execute("insert into users (email, team_id) values ('z@example.com', 999)"));
    }
  }

  private static void execute(ProjectDirectory project, String... sql) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  private static List<String> values(ProjectDirectory project, String query) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(String.valueOf(rows.getString(1)));
      }
    }
    return values;
  }
}
