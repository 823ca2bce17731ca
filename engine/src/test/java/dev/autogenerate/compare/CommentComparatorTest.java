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
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Test
  void sameColumnCommentIsNoDifference() {
    assertEquals(Optional.empty(), new CommentComparator().compare(col("a", TEXT).comment("x"), col("a", TEXT).comment("x")));
    assertEquals(Optional.empty(), new CommentComparator().compare(col("a", TEXT), col("a", TEXT)));
  }

  @Test
  void columnCommentChangedAddedOrRemoved() {
    CommentComparator comments = new CommentComparator();

    assertEquals(Optional.of(new ColumnDifference(setComment("new"), "comment changed")),
        comments.compare(col("a", TEXT).comment("old"), col("a", TEXT).comment("new")));
    assertEquals(Optional.of(new ColumnDifference(setComment("new"), "comment changed")),
        comments.compare(col("a", TEXT), col("a", TEXT).comment("new")));
    assertEquals(Optional.of(new ColumnDifference(dropComment(), "comment removed")),
        comments.compare(col("a", TEXT).comment("old"), col("a", TEXT)));
  }
}
