package dev.autogenerate.diff;

import dev.autogenerate.codegen.MigrationStep;
import dev.autogenerate.dialect.SqlDialect;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Compares the schema a database has with the schema the entities map to, and plans the
 * operations that turn one into the other, in an order that works: new tables first, then
 * column changes table by table (adds, alters, drops), then dropped tables.
 *
 * <p>The downgrade is derived, not compared: each upgrade operation is inverted against the
 * schema just before it, and the inverses run in reverse order.
 */
public final class SchemaDiff {

  private final SqlDialect dialect;

  public SchemaDiff(SqlDialect dialect) {
    this.dialect = dialect;
  }

  public MigrationPlan compare(Schema current, Schema target) {
    List<MigrationStep> upgrade = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    for (Table table : target.tables().values()) {
      if (!current.hasTable(table.name())) {
        upgrade.add(new MigrationStep(new CreateTable(table), null));
      }
    }
    for (Table table : target.tables().values()) {
      current.table(table.name()).ifPresent(existing -> compareTable(existing, table, upgrade, warnings));
    }
    for (Table table : current.tables().values()) {
      if (!target.hasTable(table.name())) {
        upgrade.add(new MigrationStep(new DropTable(table.name()),
            "table " + table.name() + " is in the database but no entity maps it: dropping it deletes its rows"));
      }
    }
    return new MigrationPlan(upgrade, downgradeOf(current, upgrade), warnings);
  }

  private void compareTable(Table existing, Table target, List<MigrationStep> upgrade, List<String> warnings) {
    String table = target.name();
    for (Column column : target.columns()) {
      if (!existing.hasColumn(column.name())) {
        upgrade.add(new MigrationStep(new AddColumn(table, column), addColumnNote(table, column)));
      }
    }
    for (Column column : target.columns()) {
      existing.column(column.name())
          .flatMap(was -> alteration(table, was, column))
          .ifPresent(upgrade::add);
    }
    for (Column column : existing.columns()) {
      if (!target.hasColumn(column.name())) {
        upgrade.add(new MigrationStep(new DropColumn(table, column.name()),
            table + "." + column.name() + " is in the database but no entity maps it: dropping it deletes its data"));
      }
    }
    List<String> existingKey = existing.primaryKey().map(PrimaryKey::columns).orElse(List.of());
    List<String> targetKey = target.primaryKey().map(PrimaryKey::columns).orElse(List.of());
    if (!existingKey.equals(targetKey)) {
      warnings.add("primary key of " + table + " differs: the database has (" + String.join(", ", existingKey)
          + "), the entities map (" + String.join(", ", targetKey) + "); change it by hand");
    }
  }

  private Optional<MigrationStep> alteration(String table, Column was, Column wanted) {
    Optional<SqlType> newType = dialect.sameType(was.type(), wanted.type(), wanted.identity() && was.identity())
        ? Optional.empty()
        : Optional.of(wanted.type());
    Optional<Boolean> newNullable = was.nullable() == wanted.nullable()
        ? Optional.empty()
        : Optional.of(wanted.nullable());
    if (newType.isEmpty() && newNullable.isEmpty()) {
      return Optional.empty();
    }
    List<String> notes = new ArrayList<>();
    newType.ifPresent(type -> notes.add("type " + was.type() + " -> " + type));
    newNullable.ifPresent(nullable -> notes.add(nullable
        ? "now nullable"
        : "now NOT NULL: fails if any row holds null"));
    return Optional.of(new MigrationStep(
        new AlterColumn(table, wanted.name(), changes(newType, newNullable)),
        table + "." + wanted.name() + ": " + String.join("; ", notes)));
  }

  private static List<ColumnChange> changes(Optional<SqlType> newType, Optional<Boolean> newNullable) {
    List<ColumnChange> changes = new ArrayList<>();
    newType.ifPresent(type -> changes.add(ColumnChange.type(type)));
    newNullable.ifPresent(nullable -> changes.add(new ColumnChange.SetNullable(nullable)));
    return changes;
  }

  private static String addColumnNote(String table, Column column) {
    if (column.nullable() || column.identity()) {
      return null;
    }
    return table + "." + column.name() + " is NOT NULL without a default: this fails if " + table
        + " has rows; give it a default or fill it in a data migration first";
  }

  private static List<MigrationStep> downgradeOf(Schema current, List<MigrationStep> upgrade) {
    List<MigrationStep> downgrade = new ArrayList<>();
    Schema before = current;
    for (MigrationStep step : upgrade) {
      Operation operation = step.operation();
      List<Operation> inverse = new ArrayList<>(operation.inverse(before));
      Collections.reverse(inverse);
      inverse.forEach(undo -> downgrade.add(new MigrationStep(undo, null)));
      before = operation.applyTo(before);
    }
    Collections.reverse(downgrade);
    return downgrade;
  }
}
