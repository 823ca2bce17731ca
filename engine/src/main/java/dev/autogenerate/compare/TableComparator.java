package dev.autogenerate.compare;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tables only one side has. New tables are created in foreign-key order, each with its indexes
 * and comment; a foreign key to a table created later (a cycle), or to a key that a kept table
 * has yet to gain, is added once that exists, unless the database takes it inline anyway.
 * Dropped tables go last, referencing tables first, and each drop says that its rows go with it;
 * where the database checks references at once, a dropped table's foreign key to a key that a
 * kept table loses is dropped before that table changes.
 */
final class TableComparator implements SchemaElementComparator {

  private final ComparisonRules rules;
  private final boolean dropUnmapped;

  /** @param dropUnmapped whether to drop tables no migration created, too */
  TableComparator(ComparisonRules rules, boolean dropUnmapped) {
    this.rules = rules;
    this.dropUnmapped = dropUnmapped;
  }

  @Override
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    List<Table> newTables = wanted.tables().values().stream().filter(table -> !current.hasTable(table.name())).toList();
    for (Table table : TableOrder.creationOrder(newTables)) {
      create(table, current, plan);
    }
  }

  private void create(Table table, Schema current, PlanBuilder plan) {
    List<ForeignKey> inline = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      String referenced = key.referencedTable();
      boolean exists = plan.isCreated(referenced) || referenced.equals(table.name())
          || current.table(referenced).map(kept -> hasKey(kept, key.referencedColumns())).orElse(false);
      if (exists || rules.foreignKeysMayReferenceLaterTables()) {
        inline.add(key);
      } else if (current.hasTable(referenced)) {
        plan.newTableForeignKey(new AddConstraint(table.name(), key),
            "added after the tables change: " + referenced + " has no key on (" + String.join(", ", key.referencedColumns())
                + ") yet");
      } else {
        plan.newTableForeignKey(new AddConstraint(table.name(), key),
            "added after the tables it links, which reference each other");
      }
    }
    Table created = new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), inline,
        table.checks(), List.of(), null);
    plan.newTable(new CreateTable(created), null);
    plan.created(table.name());
    for (Index index : table.indexes()) {
      plan.newTable(new CreateIndex(table.name(), index), null);
    }
    if (table.comment() != null) {
      plan.newTable(new SetTableComment(table.name(), table.comment()), null);
    }
  }

  /**
   * Whether a table as the database has it already has a key on these columns (its primary key,
   * a unique constraint or a unique index), so that a foreign key may reference it right away.
   */
  private static boolean hasKey(Table table, List<String> columns) {
    Set<String> referenced = Set.copyOf(columns);
    return table.primaryKey().map(key -> Set.copyOf(key.columns()).equals(referenced)).orElse(false)
        || Matching.hasUnique(table.uniqueConstraints(), columns)
        || table.indexes().stream().anyMatch(index -> Matching.enforcesUnique(index, columns));
  }

  /**
   * Drops the tables the entities no longer map that the migrations created; one no migration
   * created belongs to someone else (another tool, a DBA) and stays, reported, unless told to
   * drop such tables. With the history unknown, every unmapped table is dropped, as before.
   */
  @Override
  public void compareDropped(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    List<Table> dropped = new ArrayList<>();
    for (Table table : current.tables().values()) {
      if (wanted.hasTable(table.name())) {
        continue;
      }
      if (dropUnmapped || recorded.map(schema -> schema.hasTable(table.name())).orElse(true)) {
        dropped.add(table);
      } else {
        plan.notice("table " + table.name() + " exists only in the database, and no migration created it: left alone"
            + " (set compare.drop-unmapped=true to drop such objects; a table made by raw SQL in a migration,"
            + " op.execute, counts as not created by one, as the tool does not read SQL)");
      }
    }
    TableOrder.Dropping order = TableOrder.droppingOrder(dropped);
    // Where references are checked only at commit, dropped tables may reference each other until then.
    if (!rules.foreignKeysMayReferenceLaterTables()) {
      for (TableOrder.ForeignKeyRef cyclic : order.foreignKeysToDropFirst()) {
        plan.droppedTable(new DropConstraint(cyclic.table(), cyclic.key().name()), null);
      }
      // A kept table that loses the key a dropped table references could not drop it while
      // the reference stands: that reference goes first.
      for (Table table : order.tables()) {
        for (ForeignKey key : table.foreignKeys()) {
          String referenced = key.referencedTable();
          boolean keyGoes = current.hasTable(referenced)
              && wanted.table(referenced).map(kept -> !hasKey(kept, key.referencedColumns())).orElse(false);
          if (keyGoes && key.name() != null) {
            plan.droppedTableForeignKey(new DropConstraint(table.name(), key.name()), "dropped before " + referenced
                + " changes, which loses the key on (" + String.join(", ", key.referencedColumns()) + ") it references");
          }
        }
      }
    }
    for (Table table : order.tables()) {
      plan.droppedTable(new DropTable(table.name()),
          "table " + table.name() + " is in the database but no entity maps it: dropping it deletes its rows");
    }
  }
}
