package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Sequence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Before a revision, the runtime inspects the schemas its operations name. */
class MigratorSchemasTest {

  @Test
  void schemasNamedByTablesReferencesAndSequences() {
    assertEquals(Set.of("billing", "sales", "crm"), Migrator.schemasNamed(List.of(
        new DropColumn("sales.orders", "note"),
        new AddConstraint("users", ForeignKey.foreignKey("fk", List.of("a"), "crm.accounts", List.of("id"))),
        new CreateSequence(new Sequence("billing.invoice_numbers", 1, 1)),
        new ExecuteSql("select 1"),
        new DropColumn("users", "age"))));
  }
}
