package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A development database that Hibernate's {@code ddl-auto=update} (or a hand) brought up to the
 * entities ahead of the migrations: {@code -m} finds nothing to write for what it already has, so
 * the migrations never create it and every other database lacks it. check fails and -m warns,
 * naming the tables and columns; a table a migration creates with raw SQL is not among them.
 */
class MadeOutsideMigrationsTest {

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String email;
      }
      """;

  private static final String USER_WITH_AGE = USER.replace("String email;", "String email;\n  Integer age;");

  private static final String USER_INDEXED = USER.replace("@Table(name = \"users\")",
      "@Table(name = \"users\", indexes = @Index(name = \"ix_users_email\", columnList = \"email\"))");

  private static final String TAG = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "tags")
      public class Tag {
        @Id Long id;
        String label;
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void whatHibernateAddedAheadOfTheMigrationsFailsCheckAndIsNamedByMinusM(DatabaseKind kind) throws Exception {
    ProjectDirectory project = usersMigrated(kind);
    project.expect(0, "check");

    // What ddl-auto=update does on start-up after the entities gained a table and a column.
    project.entities(USER_WITH_AGE, TAG);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table tags (id bigint not null, label varchar(255), primary key (id))");
      statement.execute("alter table users add column age integer");
    }

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("warning: the database has 1 table (tags) and 1 column (users.age) of the entities"
        + " that no migration creates"), check::toString);
    assertTrue(check.out().contains("a database built from the migrations would lack them"), check::toString);

    int before = project.migrationFiles().size();
    CliRun revision = project.expect(0, "-m", "tags and age");
    assertTrue(revision.out().contains("warning: the database has 1 table (tags) and 1 column (users.age)"),
        revision::toString);
    assertEquals(before, project.migrationFiles().size(), "nothing to write: " + revision);
  }

  /**
   * baseline with migrations adopts what the database has ahead of them: a revision creating it as
   * the entities map it, recorded here; check passes, and a database built from the migrations
   * has it too, where check passes as well.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void baselineAdoptsWhatTheDatabaseHasAheadOfTheMigrations(DatabaseKind kind) throws Exception {
    ProjectDirectory project = usersMigrated(kind);
    project.entities(USER_WITH_AGE.replace("@Table(name = \"users\")",
        "@Table(name = \"users\", indexes = @Index(name = \"ix_users_email\", columnList = \"email\"))"), TAG);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table tags (id bigint not null, label varchar(255), primary key (id))");
      statement.execute("insert into tags values (1, 'kept')");
      statement.execute("alter table users add column age integer");
      statement.execute("create index IDXq8wkt2 on users (email)");
    }
    project.expect(1, "check");

    CliRun baseline = project.expect(0, "baseline", "-m", "adopt what ddl-auto made");
    assertTrue(baseline.out().contains("Stamped "), baseline::toString);
    String migration = project.read(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().contains("adopt")).findFirst().orElseThrow());
    assertTrue(migration.contains("op.createTable(\"tags\""), migration);
    assertTrue(migration.contains("op.addColumn(\"users\", column(\"age\""), migration);
    // Under its name in this database, so that the revision's steps name what is here.
    assertTrue(migration.toLowerCase(java.util.Locale.ROOT).contains("op.createindex(\"users\", index(\"idxq8wkt2\""),
        migration);
    project.expect(0, "check");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("select count(*) from tags")) {
      rows.next();
      assertEquals(1, rows.getInt(1), "nothing ran here");
    }

    ProjectDirectory fresh = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    fresh.expect(0, "upgrade", "head");
    fresh.expect(0, "check");
  }

  /**
   * A table made ahead of the migrations that differs from the entities (ddl-auto=update made it,
   * then never drops a column of a removed field; a DBA made it otherwise): adopted as the entities
   * map it, a database built from the migrations had the entities' table already, and the next
   * migration, which brings this database to the entities, failed there ("column note of relation
   * tags already exists"). Adopted as this database has it, both get there alike.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aBaselineAdoptsATableAsTheDatabaseHasIt(DatabaseKind kind) throws Exception {
    ProjectDirectory project = usersMigrated(kind);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table tags (id bigint not null, label varchar(255), legacy varchar(20),"
          + " primary key (id))");
      statement.execute("insert into tags values (1, 'kept', 'old')");
      statement.execute("create index tags_label_by_dba on tags (label)");
    }
    project.entities(USER, TAG.replace("String label;", "String label;\n  String note;"));
    project.expect(1, "check");

    project.expect(0, "baseline", "-m", "adopt tags");
    String adopted = CheckAndEnumRisksTest.written(project, "adopt_tags");
    assertTrue(adopted.contains("column(\"legacy\""), adopted);
    assertFalse(adopted.contains("column(\"note\""), adopted);
    // The DBA's index, which no entity maps, is the database's own, as a first baseline leaves it.
    assertTrue(adopted.contains("op.leaveIndexToDatabase(\"tags\", \"tags_label_by_dba\");"), adopted);
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("note"), check::toString);
    project.expect(0, "-m", "tags as mapped");
    String next = CheckAndEnumRisksTest.written(project, "tags_as_mapped");
    assertTrue(next.contains("op.addColumn(\"tags\", column(\"note\""), next);
    assertTrue(next.contains("op.dropColumn(\"tags\", \"legacy\")"), next);
    assertFalse(next.contains("tags_label_by_dba"), next);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(kind));
    built.copyMigrationsFrom(project);
    built.entities(USER, TAG.replace("String label;", "String label;\n  String note;"));
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
  }

  /**
   * A table adopted as the database has it may reference a table no migration creates and no
   * entity maps (a DBA's lookup table): a database built from the migrations has no such table,
   * so the key is left to this database rather than created where it cannot be.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aBaselineLeavesOutAKeyToATableTheMigrationsDoNotCreate(DatabaseKind kind) throws Exception {
    ProjectDirectory project = usersMigrated(kind);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table legacy_codes (code varchar(10) not null, primary key (code))");
      statement.execute("create table tags (id bigint not null, label varchar(255), code varchar(10),"
          + " primary key (id), constraint fk_tags_code foreign key (code) references legacy_codes (code))");
    }
    String tag = TAG.replace("String label;", "String label;\n  @Column(length = 10) String code;");
    project.entities(USER, tag);

    project.expect(0, "baseline", "-m", "adopt tags");
    String adopted = CheckAndEnumRisksTest.written(project, "adopt_tags");
    assertFalse(adopted.contains("legacy_codes"), adopted);
    CliRun check = project.expect(0, "check");
    assertTrue(check.out().contains("note: foreign key fk_tags_code on tags [code] -> legacy_codes exists only in the"
        + " database"), check::toString);

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(kind));
    built.copyMigrationsFrom(project);
    built.entities(USER, tag);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
  }

  /**
   * A table adopted as the database has it may number its rows from a DBA's sequence no entity
   * maps (a nextval() default): the baseline creates that sequence too, before the table, or
   * every database built from the migrations failed at the table.
   */
  @Test
  void aBaselineAdoptsTheSequenceAnAdoptedTablesDefaultDrawsOn() throws Exception {
    ProjectDirectory project = usersMigrated(DatabaseKind.POSTGRESQL);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create sequence legacy_tag_ids start with 100");
      statement.execute("create table tags (id bigint not null default nextval('legacy_tag_ids'), label varchar(255),"
          + " primary key (id))");
    }
    project.entities(USER, TAG);

    project.expect(0, "baseline", "-m", "adopt tags");
    String adopted = CheckAndEnumRisksTest.written(project, "adopt_tags");
    int sequence = adopted.indexOf("op.createSequence(sequence(\"legacy_tag_ids\", 100, 1));");
    assertTrue(sequence >= 0 && sequence < adopted.indexOf("op.createTable(\"tags\""), adopted);
    // The sequence stays, the migrations' own now, and --strict has nothing to say of it.
    CliRun check = project.expect(0, "check", "--strict");
    assertFalse(check.out().contains("legacy_tag_ids"), check::toString);

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    built.copyMigrationsFrom(project);
    built.entities(USER, TAG);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
    project.expect(0, "-m", "nothing");
    assertEquals(2, project.migrationFiles().size(), () -> project.migrationFiles().toString());
  }

  /**
   * A serial and another schema, adopted by a second baseline as a first writes them (found by
   * this session's exploratory test): the serial as its sequence, nextval() default and owner,
   * not as an identity beside a second sequence; the schema created first where missing.
   */
  @Test
  void aSecondBaselineWritesASerialAndASchemaAsAFirstDoes() throws Exception {
    ProjectDirectory project = usersMigrated(DatabaseKind.POSTGRESQL);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table orders (id serial primary key, status varchar(255))");
      statement.execute("create schema sales");
      statement.execute("create table sales.invoices (id bigint not null, total numeric(12, 2), primary key (id))");
    }
    String order = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id
          @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders")
          @SequenceGenerator(name = "orders", sequenceName = "orders_id_seq", allocationSize = 1)
          Integer id;
          String status;
        }
        """;
    String invoice = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "invoices", schema = "sales")
        public class Invoice {
          @Id Long id;
          @Column(precision = 12, scale = 2) java.math.BigDecimal total;
        }
        """;
    project.entities(USER, order, invoice);

    project.expect(0, "baseline", "-m", "adopt orders");
    String adopted = CheckAndEnumRisksTest.written(project, "adopt_orders");
    assertTrue(adopted.indexOf("create schema") >= 0 && adopted.indexOf("create schema")
        < adopted.indexOf("op.createTable(\"sales.invoices\""), adopted);
    assertTrue(adopted.contains("defaultSql(\"nextval('orders_id_seq'::regclass)\")")
        && adopted.contains("op.execute(\"alter sequence orders_id_seq owned by orders.id\");"), adopted);
    assertFalse(adopted.contains("generatedAsIdentity"), adopted);
    project.expect(0, "check");

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    built.copyMigrationsFrom(project);
    built.entities(USER, order, invoice);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
    built.expect(0, "downgrade", "-1");
  }

  /**
   * The downgrade of a dropped column gives back the index a baseline left to the database on it,
   * without calling it "made by hand": that baseline created it on every database it built (found
   * by this session's second exploratory test).
   */
  @Test
  void aDowngradeGivesBackALeftIndexWithoutCallingItHandMade() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    execute(project, "create table users (id bigint generated by default as identity primary key, email varchar(255),"
        + " nickname varchar(40))");
    execute(project, "create index users_nickname_by_dba on users (nickname)");
    project.entities(USER.replace("String email;", "String email;\n  @Column(length = 40) String nickname;"));
    project.expect(0, "baseline", "-m", "adopt");
    project.entities(USER);
    project.expect(0, "-m", "no nickname");
    String dropped = CheckAndEnumRisksTest.written(project, "no_nickname");
    assertTrue(dropped.contains("op.createIndex(\"users\", index(\"users_nickname_by_dba\", \"nickname\"));"),
        dropped);
    assertFalse(dropped.contains("made by hand"), dropped);
  }

  /**
   * A key to an excluded table (found by this session's second exploratory test): the first
   * baseline wrote a DBA's such key, and every database built from the migrations failed at it; a
   * second baseline left the entities' such key out while check kept asking for it to be adopted.
   * Neither can be in a database built from the migrations, which have no such table: both stay
   * this database's own.
   */
  @Test
  void keysToAnExcludedTableStayTheDatabases() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "exclude.tables=countries\n");
    execute(project, "create table countries (code varchar(2) not null, primary key (code))");
    execute(project, "create table users (id bigint generated by default as identity primary key, email varchar(255),"
        + " country varchar(2), constraint fk_users_country foreign key (country) references countries (code))");
    String country = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "countries")
        public class Country {
          @Id @Column(length = 2) String code;
        }
        """;
    String team = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "teams")
        public class Team {
          @Id Long id;
          @ManyToOne
          @JoinColumn(name = "country_code", foreignKey = @ForeignKey(name = "fk_teams_country"))
          Country country;
        }
        """;
    project.entities(USER.replace("String email;", "String email;\n  @Column(length = 2) String country;"), country);
    project.expect(0, "baseline", "-m", "adopt users");
    assertFalse(CheckAndEnumRisksTest.written(project, "adopt_users").contains("countries"), project::lastMigration);
    project.expect(0, "check");

    execute(project, "create table teams (id bigint not null, country_code varchar(2), primary key (id),"
        + " constraint fk_teams_country foreign key (country_code) references countries (code))");
    project.entities(USER.replace("String email;", "String email;\n  @Column(length = 2) String country;"), country,
        team);
    project.expect(1, "check");
    project.expect(0, "baseline", "-m", "adopt teams");
    assertFalse(CheckAndEnumRisksTest.written(project, "adopt_teams").contains("countries"), project::lastMigration);
    project.expect(0, "check");

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    built.write("autogenerate.properties",
        built.read(built.root().resolve("autogenerate.properties")) + "exclude.tables=countries\n");
    built.copyMigrationsFrom(project);
    built.entities(USER.replace("String email;", "String email;\n  @Column(length = 2) String country;"), country, team);
    built.expect(0, "upgrade", "head");
  }

  /**
   * ddl-auto=update creates the sequence of a new entity's generated ids with its table: a
   * database built from the migrations needs it too, where the entity's inserts take their ids.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSequenceMadeAheadOfTheMigrationsFailsCheckAndIsAdopted(DatabaseKind kind) throws Exception {
    ProjectDirectory project = usersMigrated(kind);
    String tag = TAG.replace("@Id Long id;", "@Id @GeneratedValue Long id;");
    project.entities(USER, tag);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.execute("create sequence tags_seq start with 1 increment by 50");
      } else {
        statement.execute("create table tags_seq (next_val bigint)");
        statement.execute("insert into tags_seq values (1)");
      }
      statement.execute("create table tags (id bigint not null, label varchar(255), primary key (id))");
    }

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("tags_seq"), check::toString);
    project.expect(0, "baseline", "-m", "adopt tags");
    project.expect(0, "check");

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(kind));
    built.copyMigrationsFrom(project);
    built.entities(USER, tag);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
  }

  /**
   * What a first baseline left to the database (a DBA's check, index and default) is the
   * database's own from then on: check --strict, which fails on notes, passes right after.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void checkStrictPassesOnWhatABaselineLeftToTheDatabase(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table users (id " + (kind == DatabaseKind.SQLITE ? "integer primary key autoincrement"
          : "bigint generated by default as identity primary key") + ", email varchar(255) default 'none',"
          + " constraint email_has_at check (email like '%@%'))");
      statement.execute("create index users_email_by_dba on users (email)");
    }
    project.entities(USER);
    project.expect(0, "baseline", "-m", "adopt");
    CliRun strict = project.expect(0, "check", "--strict");
    assertFalse(strict.out().contains("note:"), strict::toString);

    // One a DBA adds since, which no migration names, is noted, and fails --strict.
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create index users_email_since on users (email)");
    }
    CliRun since = project.expect(1, "check", "--strict");
    assertTrue(since.out().contains("note: index users_email_since on users [email] exists only in the database"),
        since::toString);
    assertFalse(since.out().contains("users_email_by_dba"), since::toString);

    // A pending rename of the table takes the marks along (found by this session's exploratory test).
    execute(project, "drop index users_email_since");
    project.entities(USER.replace("@Table(name = \"users\")",
        "@Table(name = \"people\") @dev.autogenerate.annotations.RenamedFrom(\"users\")"));
    CliRun renamed = project.expect(0, "-m", "people", "--strict");
    assertTrue(renamed.out().contains("rename table users to people"), renamed::toString);
    assertFalse(renamed.out().contains("note:"), renamed::toString);
  }

  /** ddl-auto=update creates a new {@code @Index} of an existing table too. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anIndexMadeAheadOfTheMigrationsFailsCheck(DatabaseKind kind) throws Exception {
    ProjectDirectory project = usersMigrated(kind);
    // A data migration naming the index's table and column creates no index.
    writeMigration(project, "M20260102_000000_emails", "c0000000a003", "emails in lower case",
        "op.execute(\"update users set email = lower(email)\");", "");
    project.expect(0, "upgrade", "head");
    project.entities(USER_INDEXED);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create index IDXq8wkt2 on users (email)");
    }

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("warning: the database has 1 index or key (index users (email)) of the entities"
        + " that no migration creates"), check::toString);
  }

  /** Found by a user test: "1 steps creating what the database has". */
  @Test
  void aBaselineOfOneStepSaysStep() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table users (id integer primary key autoincrement, email varchar(255))");
    }
    project.entities(USER);
    CliRun baseline = project.expect(0, "baseline", "-m", "adopt");
    assertTrue(baseline.out().contains(": 1 step creating what the database has, as it is."), baseline::toString);
  }

  /**
   * An index a baseline left to the database (a DBA's, which its migration creates all the same)
   * that the entities map later is the migrations': not reported.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anIndexABaselineLeftToTheDatabaseIsTheMigrationsOnceMapped(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table users (id " + (kind == DatabaseKind.SQLITE ? "integer primary key autoincrement"
          : "bigint generated by default as identity primary key") + ", email varchar(255))");
      statement.execute("create index users_email_by_dba on users (email)");
    }
    project.entities(USER);
    project.expect(0, "baseline", "-m", "adopt");
    assertTrue(project.lastMigration().contains("leaveIndexToDatabase"), project::lastMigration);
    project.entities(USER_INDEXED);

    CliRun check = project.run("check");
    assertFalse(check.out().contains("no migration creates"), check::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTableAndAnIndexAMigrationCreatesWithRawSqlAreTheMigrations(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(USER);
    project.expect(0, "-m", "users");
    writeMigration(project, "M20260102_000000_tags", "c0000000a002", "tags, by hand",
        "op.execute(\"create table TAGS (id bigint not null, label varchar(255), primary key (id))\");\n"
            + "    op.execute(\"create index ix_by_hand on users (email)\");",
        "op.execute(\"drop index ix_by_hand\");\n    op.execute(\"drop table tags\");");
    project.expect(0, "upgrade", "head");
    project.entities(USER_INDEXED, TAG);

    CliRun check = project.expect(0, "check");
    assertFalse(check.out().contains("no migration creates"), check::toString);
    // Nothing to adopt: baseline says so, and writes nothing.
    int files = project.migrationFiles().size();
    CliRun baseline = project.expect(2, "baseline", "-m", "adopt");
    assertTrue(baseline.err().contains("the database has nothing of the entities that the migrations do not create"),
        baseline::toString);
    assertEquals(files, project.migrationFiles().size());
  }

  /**
   * Found by a user test regenerating an unpushed migration: deleted after it was applied (it
   * widened uq_users_email to (email, id)), with the database stamped back, check advised a
   * baseline, and the baseline failed with an internal error: the migrations' uq_users_email on
   * (email) stood in the way of the database's under the same name. The baseline replaces it.
   */
  @Test
  void aBaselineAdoptsAKeyThatReplacedOneOfTheSameName() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    String unique = "@Table(name = \"users\", uniqueConstraints = @UniqueConstraint(name = \"uq_users_email\","
        + " columnNames = %s))";
    project.entities(USER.replace("@Table(name = \"users\")", unique.formatted("\"email\"")));
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    project.entities(USER.replace("@Table(name = \"users\")", unique.formatted("{\"email\", \"id\"}")));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("alter table users drop constraint uq_users_email");
      statement.execute("alter table users add constraint uq_users_email unique (email, id)");
    }

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("1 index or key (unique users (email, id))"), check::toString);
    project.expect(0, "baseline", "-m", "adopt the wider unique");
    // By name: two files written within a second do not sort by time.
    String adopted = CheckAndEnumRisksTest.written(project, "adopt_the_wider_unique");
    assertTrue(adopted.contains("op.dropConstraint(\"users\", \"uq_users_email\");"), adopted);
    assertTrue(adopted.contains("op.addConstraint(\"users\", unique(\"uq_users_email\", \"email\", \"id\"));"), adopted);
    project.expect(0, "check");
  }

  /**
   * Found by a user test adopting a table a DBA made after the first baseline: the second baseline
   * created the table with a column of the DBA's enum type, and not the type, so every database
   * built from the migrations failed at it ("type priority does not exist").
   */
  @Test
  void aBaselineOfATableWithAnEnumTypeCreatesTheTypeToo() throws Exception {
    ProjectDirectory project = usersMigrated(DatabaseKind.POSTGRESQL);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create type priority as enum ('HIGH', 'LOW')");
      statement.execute("create table tickets (id bigint primary key, priority priority not null)");
    }
    String priority = "package com.example.domain;\n\npublic enum Priority { HIGH, LOW }\n";
    String ticket = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "tickets")
        public class Ticket {
          @Id Long id;
          @Enumerated(EnumType.STRING)
          @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM)
          @Column(nullable = false)
          Priority priority;
        }
        """;
    project.entities(USER, priority, ticket);

    CliRun adopted = project.expect(0, "baseline", "-m", "adopt tickets");
    assertTrue(adopted.out().contains("creating what of the entities the database has ahead of the migrations."),
        adopted::toString);
    String file = CheckAndEnumRisksTest.written(project, "adopt_tickets");
    assertTrue(file.indexOf("op.createEnumType(") >= 0
        && file.indexOf("op.createEnumType(") < file.indexOf("op.createTable(\"tickets\""), file);
    project.expect(0, "check");

    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    built.copyMigrationsFrom(project);
    built.entities(USER, priority, ticket);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
  }


  /**
   * Found by a user test regenerating an unpushed migration (applied, deleted, the database
   * stamped back): the column it had widened stayed varchar(40) here, as the entities map it, and
   * the migrations make it varchar(30). Nothing reported it, and no database built from the
   * migrations would ever get the new length. check names it; baseline adopts it.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aColumnOfTheMappedTypeWhichTheMigrationsMakeOtherwiseFailsCheckAndIsAdopted(DatabaseKind kind)
      throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(USER.replace("String email;", "@Column(length = 30) String email;"));
    project.expect(0, "-m", "users", "--rev-id", "c0000000e001");
    project.expect(0, "upgrade", "head");
    project.entities(USER.replace("String email;", "@Column(length = 40) String email;"));
    project.expect(0, "-m", "longer emails");
    project.expect(0, "upgrade", "head");
    java.nio.file.Files.delete(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().endsWith("_longer_emails.java")).findFirst().orElseThrow());
    project.expect(0, "stamp", "c0000000e001");

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("1 column of the type the entities map, which the migrations make otherwise"
        + " (users.email)"), check::toString);
    project.expect(0, "baseline", "-m", "adopt longer emails");
    String adopted = CheckAndEnumRisksTest.written(project, "adopt_longer_emails");
    assertTrue(adopted.contains("op.alterColumn(\"users\", \"email\", type(varchar(40)));"), adopted);
    project.expect(0, "check");
  }

  /**
   * Found by a user test adopting a database: every later baseline set again the nextval()
   * default of an id the first baseline had recorded (its target is the migrations' schema with
   * what it adopts, which carries that default, where the comparison reads the database's side as
   * the id's generation rather than a default).
   */
  @Test
  void aLaterBaselineLeavesTheIdsOfTheFirstAlone() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create sequence doc_seq");
      statement.execute("create table invoices (id bigint primary key default nextval('doc_seq'), num varchar(50))");
    }
    String invoice = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "invoices")
        public class Invoice {
          @Id
          @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
          @SequenceGenerator(name = "ids", sequenceName = "doc_seq", allocationSize = 1)
          Long id;
          @Column(length = 50) String num;
        }
        """;
    project.entities(invoice);
    project.expect(0, "baseline", "-m", "adopt invoices");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table plain (id bigint primary key, name varchar(20))");
    }
    project.entities(invoice, TAG.replace("tags", "plain").replace("Tag", "Plain")
        .replace("String label;", "@Column(length = 20) String name;"));

    project.expect(0, "baseline", "-m", "adopt plain");

    String adopted = CheckAndEnumRisksTest.written(project, "adopt_plain");
    assertFalse(adopted.contains("invoices"), adopted);
    project.expect(0, "check");
  }

  /** A project whose one migration creates users, applied. */
  private ProjectDirectory usersMigrated(DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(USER);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    return project;
  }

  /** A migration written by hand on top of the one head, with these statements in its upgrade and downgrade. */
  private static void writeMigration(ProjectDirectory project, String className, String id, String message,
      String upgrade, String downgrade) {
    String head = project.expect(0, "heads").out().strip().split("\\s+")[0];
    project.write("src/main/java/com/example/migrations/" + className + ".java", """
        package com.example.migrations;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "%s", revises = "%s", message = "%s")
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
            %s
          }

          @Override
          public void downgrade(Operations op) {
            %s
          }
        }
        """.formatted(id, head, message, className, upgrade, downgrade));
  }

  private static void execute(ProjectDirectory project, String sql) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
