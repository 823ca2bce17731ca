package dev.autogenerate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IndexColumn writes its equals and hashCode out: they must still be the record's value semantics. */
class IndexColumnTest {

  @Test
  void equalByNameAndDirection() {
    assertEquals(IndexColumn.asc("created"), new IndexColumn("created", false));
    assertEquals(IndexColumn.desc("created").hashCode(), new IndexColumn("created", true).hashCode());
    assertEquals(List.of(IndexColumn.asc("a"), IndexColumn.desc("b")), List.of(IndexColumn.asc("a"), IndexColumn.desc("b")));
  }

  @Test
  void differentNameOrDirectionIsAnotherColumn() {
    assertNotEquals(IndexColumn.asc("created"), IndexColumn.desc("created"));
    assertNotEquals(IndexColumn.asc("created"), IndexColumn.asc("Created"));
    assertNotEquals(IndexColumn.asc("created"), "created");
    assertNotEquals(IndexColumn.asc("created"), null);
  }
}
