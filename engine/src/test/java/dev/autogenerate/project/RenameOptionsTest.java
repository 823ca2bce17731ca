package dev.autogenerate.project;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SequenceRename;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableRename;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each {@code --rename} value says: a column of a mapped table, or a table in its schema. */
class RenameOptionsTest {

  private static final Schema TARGET = Schema.of(List.of(
      new Table("users", List.of(column("display_name", SqlType.TEXT)), Optional.empty()),
      new Table("sales.users", List.of(column("display_name", SqlType.TEXT)), Optional.empty())))
      .withSequence(Sequence.sequence("order_ids", 1, 50)).withSequence(Sequence.sequence("sales.order_ids", 1, 50));

  @Test
  void aNewNameTheEntitiesUseForASequenceIsASequence() {
    assertEquals(new Renames(List.of(), List.of(), List.of(
            new SequenceRename("order_ids", "order_seq", "--rename order_seq=order_ids"),
            new SequenceRename("sales.order_ids", "sales.order_seq", "--rename sales.order_seq=order_ids"))),
        RenameOptions.parse(List.of("order_seq=order_ids", "sales.order_seq=order_ids"), TARGET));
  }

  @Test
  void aDottedNameOfAMappedTableIsAColumn() {
    assertEquals(new Renames(List.of(), List.of(
            new ColumnRename("users", "display_name", List.of("nickname"), "--rename users.nickname=display_name"),
            new ColumnRename("sales.users", "display_name", List.of("nickname"),
                "--rename sales.users.nickname=display_name"))),
        RenameOptions.parse(List.of("users.nickname=display_name", "sales.users.nickname=display_name"), TARGET));
  }

  @Test
  void anythingElseIsATableThatStaysInItsSchema() {
    assertEquals(new Renames(List.of(
            new TableRename("people", List.of("users"), "--rename users=people"),
            new TableRename("sales.people", List.of("sales.users"), "--rename sales.users=people"),
            new TableRename("sales.clients", List.of("sales.customers"), "--rename sales.customers = sales.clients")),
            List.of()),
        RenameOptions.parse(List.of("users=people", "sales.users=people", "sales.customers = sales.clients"), TARGET));
  }

  @Test
  void aMalformedValueOrAMoveToAnotherSchemaIsAUserError() {
    for (String value : List.of("users", "=people", "users=", "a=b=c")) {
      UserError error = assertThrows(UserError.class, () -> RenameOptions.parse(List.of(value), TARGET));
      assertEquals("--rename " + value + ": write TABLE.OLD=NEW for a column (users.nickname=display_name) or OLD=NEW"
          + " for a table or sequence (users=people)", error.getMessage());
    }
    assertThrows(UserError.class, () -> RenameOptions.parse(List.of("sales.users=crm.people"), TARGET));
  }
}
