package dev.autogenerate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.compare.SqlExpressions;
import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.CompiledClasses;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite database Hibernate created itself (its SQLite DDL leaves out foreign keys and names
 * nothing) is adopted as it is by {@code baseline}, then brought in line by one generated migration, and a later change of an enum, whose
 * check Hibernate left unnamed, can be made and undone.
 */
class HibernateCreatedSqliteTest {

  private static final String STATUS = "package com.example.domain;\n\npublic enum Status { NEW, PAID }\n";
  private static final String STATUS_MORE = "package com.example.domain;\n\npublic enum Status { NEW, PAID, SHIPPED }\n";
  private static final String TEAM = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "teams")
      public class Team {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String name;
      }
      """;
  private static final String ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Enumerated(EnumType.STRING) Status status;
        @ManyToOne Team team;
      }
      """;

  @TempDir Path directory;

  @Test
  void adoptAndChangeADatabaseHibernateCreated() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    CompiledClasses compiled = EntitySources.compile(TEAM, ORDER, STATUS);
    try (SessionFactory ignored = HibernateSessions.start(database, compiled.loadClasses(), "create")) {
      // Hibernate's own tables now exist, with an unnamed check on orders.status.
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(TEAM, ORDER, STATUS);

    project.expect(0, "baseline", "-m", "adopt the schema as it is");
    CliRun adopt = project.expect(0, "-m", "what hibernate left out");
    assertTrue(adopt.out().contains("add foreign key fk_orders_team_id_teams on orders"), adopt::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    project.entities(TEAM, ORDER, STATUS_MORE);
    CliRun change = project.expect(0, "-m", "shipped");
    assertTrue(change.out().contains("add check constraint"), change::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    project.expect(0, "downgrade", "-1");
    try (Connection connection = database.open()) {
      List<CheckConstraint> checks = Database.forKind(DatabaseKind.SQLITE).inspector()
          .inspect(connection, TableFilter.defaults()).requireTable("orders").checks();
      assertEquals(1, checks.size(), checks::toString);
      assertEquals(SqlExpressions.normalize("status in ('NEW','PAID')"),
          SqlExpressions.normalize(checks.get(0).expression()));
    }
  }

  /**
   * Hibernate declares a {@code @Lob} blob or clob on SQLite: its blob is the entity's large object
   * already; its clob (text) becomes one, as a text column made a {@code @Lob} does (PostgreSQL,
   * where the same migration runs, must change it to an oid), and keeps its text.
   */
  @Test
  void largeObjectsHibernateDeclared() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    CompiledClasses compiled = EntitySources.compile(dev.autogenerate.cli.LargeObjectsTest.DOCUMENT);
    try (SessionFactory ignored = HibernateSessions.start(database, compiled.loadClasses(), "create")) {
      // documents (id bigint, body clob, data blob), as Hibernate's SQLite dialect declares them.
    }
    try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("insert into documents (id, body) values (1, '00123')");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(dev.autogenerate.cli.LargeObjectsTest.DOCUMENT);
    project.expect(0, "baseline", "-m", "adopt the schema as it is");
    CliRun adopt = project.expect(0, "-m", "what hibernate left out");
    assertTrue(adopt.out().contains("alter column documents.body") && !adopt.out().contains("documents.data"),
        adopt::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select typeof(body), body from documents")) {
      row.next();
      assertEquals("text 00123", row.getString(1) + " " + row.getString(2));
    }
  }

  /**
   * Hibernate's default naming keeps an entity's and a field's case and writes them without
   * quotes ({@code create table Tag (displayName ...)}), which SQLite keeps as written and finds
   * in any case; the entities name them as PostgreSQL would hold the same statement (tag,
   * displayname). Such a database is one table to both: adopted with no table created or dropped
   * (it wanted tag created beside Tag, which SQLite refuses, and Tag dropped), and a later
   * migration names the table as the entities do, so that it runs on PostgreSQL as well.
   */
  @Test
  void namesHibernateWroteWithoutQuotesAreTheEntitiesNames() throws Exception {
    String author = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        public class Author {
          @Id Long id;
          String fullName;
        }
        """;
    String tag = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(indexes = @Index(name = "IX_Tag_DisplayName", columnList = "displayName"))
        public class Tag {
          @Id Long id;
          String displayName;
          @ManyToOne Author createdBy;
        }
        """;
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    CompiledClasses compiled = EntitySources.compile(author, tag);
    try (SessionFactory ignored = HibernateSessions.start(database, compiled.loadClasses(), "create")) {
      // Tag (id, displayName, createdBy_id) and Author, spelled as Hibernate's default naming spells them.
    }
    try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("insert into Author (id, fullName) values (1, 'Ada')");
      statement.execute("insert into Tag (id, displayName, createdBy_id) values (1, 'java', 1)");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(author, tag);
    project.expect(0, "baseline", "-m", "adopt the schema as it is");
    CliRun adopt = project.expect(0, "-m", "what hibernate left out");
    // Hibernate's SQLite DDL leaves foreign keys out: that is the one difference.
    assertTrue(adopt.out().contains("add foreign key") && !adopt.out().contains("create table")
        && !adopt.out().contains("drop") && !adopt.out().contains("add column")
        && !adopt.out().contains("create index"), adopt::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    project.entities(author, tag.replace("  String displayName;", "  String displayName;\n  Integer rank;"));
    CliRun added = project.expect(0, "-m", "rank");
    assertTrue(added.out().contains("add column tag.rank"), added::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select displayName, rank, createdBy_id from Tag")) {
      assertTrue(row.next());
      assertEquals("java null 1", row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
    }
    // Back to the baseline, which was recorded, not run: reverting it would drop the adopted tables.
    project.expect(0, "downgrade", "-2");
  }

  /**
   * Hibernate's default naming on a larger model: a join table (Book_Author with Book_Id and
   * authors_Id, as its default naming spells them), an element collection and a single-table
   * hierarchy with its DTYPE column, all created without quotes. Adopted with nothing but the
   * foreign keys Hibernate's SQLite DDL left out, and checked clean after.
   */
  @Test
  void aHibernateModelWithJoinTablesAndAHierarchyIsAdoptedAsItIs() throws Exception {
    String[] sources = {"""
        package com.example.domain;

        import jakarta.persistence.*;
        import java.util.*;

        @Entity
        public class Book {
          @Id Long Id;
          String Title;
          @ManyToMany Set<Author> authors = new HashSet<>();
          @ElementCollection Set<String> Keywords = new HashSet<>();
        }
        """, """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
        public class Author {
          @Id Long Id;
          String fullName;
        }
        """, """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        public class GuestAuthor extends Author {
          String invitedBy;
        }
        """};
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    CompiledClasses compiled = EntitySources.compile(sources);
    try (SessionFactory ignored = HibernateSessions.start(database, compiled.loadClasses(), "create")) {
      // Book, Author (DTYPE), Book_Author, Book_Keywords, spelled as Hibernate's default naming spells them.
    }
    try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement()) {
      statement.execute("insert into Author (DTYPE, Id, fullName) values ('Author', 1, 'Ada')");
      statement.execute("insert into Book (Id, Title) values (1, 'Notes')");
      statement.execute("insert into Book_Author (Book_Id, authors_Id) values (1, 1)");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(sources);
    project.expect(0, "baseline", "-m", "adopt the schema as it is");
    CliRun adopt = project.expect(0, "-m", "what hibernate left out");
    assertTrue(!adopt.out().contains("create table") && !adopt.out().contains("drop")
        && !adopt.out().contains("add column") && !adopt.out().contains("alter column"), adopt::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = database.open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select count(*) from book_author")) {
      assertTrue(row.next() && row.getInt(1) == 1);
    }
  }
}
