package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.compare.Risk;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which steps of a revision the runtime counts and warns of before it runs them. */
class DestroyingStepsTest {

  private static final Schema SCHEMA = Schema.of(List.of(
      new Table("users", List.of(column("id", SqlType.BIGINT).notNull(), column("nick", SqlType.TEXT)), Optional.empty()),
      new Table("audit_old", List.of(column("what", SqlType.TEXT)), Optional.empty())));

  /**
   * A step the schema cannot follow (a column raw SQL added) hides only itself and what follows:
   * the table dropped before it is still warned of, where one unfollowable step hid every warning.
   */
  @Test
  void aStepAfterRawSqlDoesNotHideTheStepsBeforeIt() {
    List<Risk> risks = Migrator.destroying(SCHEMA, List.of(new DropTable("audit_old"),
        new ExecuteSql("alter table users add column tmp int"), new DropColumn("users", "tmp"),
        new DropColumn("users", "nick")));

    assertEquals(List.of("drop table audit_old"), risks.stream().map(Risk::describe).map(text -> text.split(":")[0])
        .toList());
  }
}
