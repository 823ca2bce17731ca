package dev.autogenerate.database.postgres;

import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL keeps the first 63 bytes of a longer identifier, silently: a table named so would
 * be created under a shorter name, never match its entity, and be proposed for dropping. Such a
 * name in the mapping is refused before anything is written, naming it and the fix. (Names the
 * naming convention makes are shortened with a hash before they get here.)
 */
final class IdentifierLength {

  static final int MAX_BYTES = 63;

  private IdentifierLength() {}

  static void requireWithinLimit(Schema target) {
    for (Table table : target.tables().values()) {
      check(Schema.unqualified(table.name()), "table " + table.name(), "@Table(name = ...)");
      for (Column column : table.columns()) {
        check(column.name(), "column " + table.name() + "." + column.name(), "@Column(name = ...)");
      }
      for (TableConstraint constraint : table.constraints()) {
        if (constraint.name() != null) {
          check(constraint.name(), "constraint " + constraint.name() + " on " + table.name(), "its name in the mapping");
        }
      }
      for (Index index : table.indexes()) {
        if (index.name() != null) {
          check(index.name(), "index " + index.name() + " on " + table.name(), "@Index(name = ...)");
        }
      }
    }
    for (Sequence sequence : target.sequences().values()) {
      check(Schema.unqualified(sequence.name()), "sequence " + sequence.name(), "@SequenceGenerator(sequenceName = ...)");
    }
    for (String view : target.views().keySet()) {
      check(Schema.unqualified(view), "view " + view + " of an @View entity", "@Table(name = ...)");
    }
  }

  private static void check(String identifier, String what, String fix) {
    int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new UserError(what + " is " + bytes + " bytes long, and PostgreSQL keeps only the first " + MAX_BYTES
          + " (the name would change silently): shorten it with " + fix);
    }
  }
}
