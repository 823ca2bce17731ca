package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.comment;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.operations.ColumnChange.dropComment;
import static dev.autogenerate.operations.ColumnChange.setComment;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.compare.CompareTesting.Staged;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentComparatorTest {

  private static Table users(Object... comment) {
    List<Object> parts = new ArrayList<>(List.of(col("name", TEXT)));
    parts.addAll(List.of(comment));
    return table("users", parts.toArray());
  }

  @Test
  void sameTableCommentChangesNothing() {
    assertTrue(run(new CommentComparator(), users(comment("people")), users(comment("people"))).isEmpty());
    assertTrue(run(new CommentComparator(), users(), users()).isEmpty());
  }

  @Test
  void changedTableCommentIsSetAfterTheColumns() {
    Staged staged = run(new CommentComparator(), users(comment("persons")), users(comment("people")));

    assertEquals(List.of(new SetTableComment("users", "people")), operations(staged.afterColumns()));
    assertEquals(List.of(new SetTableComment("users", "people")), staged.operations());
  }

  @Test
  void goneTableCommentIsRemoved() {
    Staged staged = run(new CommentComparator(), users(comment("people")), users());

    assertEquals(List.of(new SetTableComment("users", null)), staged.operations());
  }

  @Test
  void tableCommentsAreComparedExactly() {
    Staged staged = run(new CommentComparator(), users(comment("People")), users(comment("people")));

    assertEquals(List.of(new SetTableComment("users", "people")), staged.operations());
  }

  /** A column's comment difference, with the history unknown (everything may go, as before the history was read). */
  private static Optional<ColumnDifference> compare(Column was, Column wanted) {
    return new CommentComparator().compare("users", was, wanted, new TableChanges("users"));
  }

  @Test
  void sameColumnCommentIsNoDifference() {
    assertEquals(Optional.empty(), compare(col("a", TEXT).comment("x"), col("a", TEXT).comment("x")));
    assertEquals(Optional.empty(), compare(col("a", TEXT), col("a", TEXT)));
  }

  @Test
  void columnCommentChangedAddedOrRemoved() {
    assertEquals(Optional.of(new ColumnDifference(setComment("new"), "comment changed")),
        compare(col("a", TEXT).comment("old"), col("a", TEXT).comment("new")));
    assertEquals(Optional.of(new ColumnDifference(setComment("new"), "comment changed")),
        compare(col("a", TEXT), col("a", TEXT).comment("new")));
    assertEquals(Optional.of(new ColumnDifference(dropComment(), "comment removed")),
        compare(col("a", TEXT).comment("old"), col("a", TEXT)));
  }

  /**
   * A comment the entities do not state, which no applied migration set (a DBA's, on a database
   * adopted with -m), is the database's own: kept, with a note, as an unmapped default is; one a
   * migration set goes with the entities.
   */
  @Test
  void aCommentNoMigrationSetIsKept() {
    Schema history = Schema.of(List.of(users()));
    TableChanges changes = new TableChanges("users", Optional.of(history), false, Set.of("users"));
    new CommentComparator().compare(users(comment("the DBA's")), users(), changes);
    assertEquals(Optional.empty(), new CommentComparator().compare("users", col("name", TEXT).comment("theirs"),
        col("name", TEXT), changes));
    assertEquals(List.of(), changes.together());
    assertTrue(changes.notices().stream().anyMatch(notice -> notice.startsWith("comment on table users exists only"))
        && changes.notices().stream().anyMatch(notice -> notice.startsWith("comment on column users.name exists only")),
        changes.notices()::toString);

    Schema commented = Schema.of(List.of(users(comment("the DBA's"))));
    TableChanges owned = new TableChanges("users", Optional.of(commented), false, Set.of("users"));
    new CommentComparator().compare(users(comment("the DBA's")), users(), owned);
    assertEquals(1, owned.together().size());
  }
}
