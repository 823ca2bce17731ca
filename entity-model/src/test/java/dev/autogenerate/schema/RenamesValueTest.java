package dev.autogenerate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The renames value: joined, and seen from a connection's current schema as the target schema is. */
class RenamesValueTest {

  private static final Renames READ = new Renames(
      List.of(new TableRename("public.people", List.of("public.users"), "@RenamedFrom(\"users\") on Person"),
          new TableRename("sales.orders", List.of("sales.purchases"), "@RenamedFrom(\"purchases\") on Order")),
      List.of(new ColumnRename("public.people", "display_name", List.of("nickname"), "@RenamedFrom(\"nickname\")")));

  @Test
  void theCurrentSchemaLosesItsQualifierAsInTheTargetSchema() {
    assertEquals(new Renames(
            List.of(new TableRename("people", List.of("users"), "@RenamedFrom(\"users\") on Person"),
                new TableRename("sales.orders", List.of("sales.purchases"), "@RenamedFrom(\"purchases\") on Order")),
            List.of(new ColumnRename("people", "display_name", List.of("nickname"), "@RenamedFrom(\"nickname\")"))),
        READ.withDefaultSchema("public"));
    assertEquals(READ, READ.withDefaultSchema(null));
  }

  @Test
  void andKeepsBothInOrder() {
    Renames more = new Renames(List.of(new TableRename("a", List.of("b"), "--rename b=a")), List.of());
    assertEquals(3, READ.and(more).tables().size());
    assertEquals(more.tables().get(0), READ.and(more).tables().get(2));
    assertEquals(READ, READ.and(Renames.NONE));
  }

  @Test
  void aTableRenameStaysInItsSchema() {
    assertThrows(IllegalArgumentException.class,
        () -> new TableRename("sales.people", List.of("users"), "--rename users=sales.people"));
  }
}
