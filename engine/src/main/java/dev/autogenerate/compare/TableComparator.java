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

/**
 * Tables only one side has. New tables are created in foreign-key order, each with its indexes
 * and comment; a foreign key to a table created later (a cycle) is added once both exist, unless
 * the database takes it inline anyway. Dropped tables go last, referencing tables first, and
 * each drop says that its rows go with it.
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
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan) {
    List<Table> newTables = wanted.tables().values().stream().filter(table -> !current.hasTable(table.name())).toList();
    for (Table table : TableOrder.creationOrder(newTables)) {
      create(table, current, plan);
    }
  }

  private void create(Table table, Schema current, PlanBuilder plan) {
    List<ForeignKey> inline = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      String referenced = key.referencedTable();
      boolean exists = current.hasTable(referenced) || plan.isCreated(referenced) || referenced.equals(table.name());
      if (exists || rules.foreignKeysMayReferenceLaterTables()) {
        inline.add(key);
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
            + " (set compare.drop-unmapped=true to drop such objects)");
      }
    }
    TableOrder.Dropping order = TableOrder.droppingOrder(dropped);
    // Where references are checked only at commit, dropped tables may reference each other until then.
    if (!rules.foreignKeysMayReferenceLaterTables()) {
      for (TableOrder.ForeignKeyRef cyclic : order.foreignKeysToDropFirst()) {
        plan.droppedTable(new DropConstraint(cyclic.table(), cyclic.key().name()), null);
      }
    }
    for (Table table : order.tables()) {
      plan.droppedTable(new DropTable(table.name()),
          "table " + table.name() + " is in the database but no entity maps it: dropping it deletes its rows");
    }
  }
}
