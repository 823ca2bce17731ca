package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Re-spelling SQLite's names as the entities spell them, from schema values alone. */
class SqliteSpellingTest {

  /**
   * A database whose every name was quoted in PascalCase (as some tools make them) is the
   * entities' lower-case schema to SQLite: every table, column, key, reference and view re-spelled
   * at once; a table the entities do not map keeps its name.
   */
  @Test
  void everyNameQuotedInAnotherCaseIsSpelledAsTheEntitiesSpellIt() {
    Table blogs = new Table("Blogs", List.of(column("BlogId", SqlType.BIGINT).notNull(), column("Title", SqlType.TEXT)),
        Optional.of(PrimaryKey.primaryKey("BlogId")));
    Table posts = new Table("Posts", List.of(column("PostId", SqlType.BIGINT).notNull(), column("BlogId", SqlType.BIGINT)),
        Optional.of(PrimaryKey.primaryKey("PostId")))
        .withConstraint(ForeignKey.foreignKey("FK_Posts_Blogs", List.of("BlogId"), "Blogs", List.of("BlogId")));
    Table legacy = new Table("Legacy", List.of(column("Id", SqlType.BIGINT)), Optional.empty());
    View titles = new View("Titles", "SELECT Title FROM Blogs", Map.of("Blogs", new TreeSet<>(Set.of("Title"))));
    Schema database = Schema.of(List.of(blogs, posts, legacy)).withViewsAndTriggers(List.of(titles), List.of());

    Table entityBlogs = new Table("blogs", List.of(column("blogid", SqlType.BIGINT).notNull(),
        column("title", SqlType.TEXT)), Optional.of(PrimaryKey.primaryKey("blogid")));
    Table entityPosts = new Table("posts", List.of(column("postid", SqlType.BIGINT).notNull(),
        column("blogid", SqlType.BIGINT)), Optional.of(PrimaryKey.primaryKey("postid")));
    Schema spelled = SqliteSpelling.as(database, Schema.of(List.of(entityBlogs, entityPosts)));

    assertEquals(List.of("Legacy", "blogs", "posts"), List.copyOf(new TreeSet<>(spelled.tables().keySet())));
    assertEquals(List.of("blogid", "title"),
        spelled.requireTable("blogs").columns().stream().map(column -> column.name()).toList());
    assertEquals(List.of("blogid"), spelled.requireTable("blogs").primaryKey().orElseThrow().columns());
    ForeignKey reference = spelled.requireTable("posts").foreignKeys().get(0);
    assertEquals(List.of("blogid"), reference.columns());
    assertEquals("blogs", reference.referencedTable());
    assertEquals(List.of("blogid"), reference.referencedColumns());
    assertEquals(Map.of("blogs", new TreeSet<>(Set.of("title"))), spelled.views().get("Titles").uses());
  }

  /** Two spellings the entities hold apart (two tables on PostgreSQL) leave the database's as it is. */
  @Test
  void spellingsTheEntitiesHoldApartAreLeftAlone() {
    Schema database = Schema.of(List.of(new Table("Note", List.of(column("id", SqlType.BIGINT)), Optional.empty())));
    Schema entities = Schema.of(List.of(new Table("note", List.of(column("id", SqlType.BIGINT)), Optional.empty()),
        new Table("NOTE", List.of(column("id", SqlType.BIGINT)), Optional.empty())));
    assertEquals(database, SqliteSpelling.as(database, entities));
  }
}
