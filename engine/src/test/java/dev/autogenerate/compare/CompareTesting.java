package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.database.postgres.PostgresDatabase;
import dev.autogenerate.database.sqlite.SqliteDatabase;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Shared helpers of the comparison tests: the two databases' rules, and ways to run one
 * comparator and see where each of its changes went.
 */
final class CompareTesting {

  static final ComparisonRules POSTGRES = new PostgresDatabase();
  static final ComparisonRules SQLITE = new SqliteDatabase();

  private CompareTesting() {}

  /** What a table comparator recorded, split by the stage each change went to. */
  record Staged(
      List<Change> foreignKeyDrops,
      List<Change> beforeColumns,
      List<Change> columns,
      List<Change> afterColumns,
      List<Change> foreignKeyAdds,
      List<String> warnings,
      List<String> notices) {

    /** Every operation, in the order the plan would run them with foreign keys together. */
    List<Operation> operations() {
      List<Change> all = new ArrayList<>(foreignKeyDrops);
      all.addAll(beforeColumns);
      all.addAll(columns);
      all.addAll(afterColumns);
      all.addAll(foreignKeyAdds);
      return CompareTesting.operations(all);
    }

    boolean isEmpty() {
      return operations().isEmpty() && warnings.isEmpty() && notices.isEmpty();
    }
  }

  private static final Operation COLUMNS_START = new ExecuteSql("-- columns stage starts");
  private static final Operation AFTER_START = new ExecuteSql("-- after-columns stage starts");

  /**
   * Runs one table comparator. Markers put in the column and after-columns stages before it runs
   * show which stage each change it records lands in.
   */
  static Staged run(TableElementComparator comparator, Table existing, Table wanted) {
    TableChanges changes = new TableChanges(wanted.name());
    changes.column(COLUMNS_START, null);
    changes.afterColumns(AFTER_START, null);
    comparator.compare(existing, wanted, changes);
    List<Change> all = changes.withoutForeignKeys();
    int columnsStart = indexOf(all, COLUMNS_START);
    int afterStart = indexOf(all, AFTER_START);
    return new Staged(
        List.copyOf(changes.foreignKeyDrops()),
        List.copyOf(all.subList(0, columnsStart)),
        List.copyOf(all.subList(columnsStart + 1, afterStart)),
        List.copyOf(all.subList(afterStart + 1, all.size())),
        List.copyOf(changes.foreignKeyAdds()),
        List.copyOf(changes.warnings()),
        List.copyOf(changes.notices()));
  }

  private static int indexOf(List<Change> changes, Operation marker) {
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i).operation() == marker) {
        return i;
      }
    }
    throw new AssertionError("marker missing");
  }

  /** Runs a schema-level comparator both ways, as the comparison does. */
  static PlanBuilder run(SchemaElementComparator comparator, Schema current, Schema wanted) {
    PlanBuilder plan = new PlanBuilder();
    comparator.compareNewAndChanged(current, wanted, plan, Optional.empty());
    comparator.compareDropped(current, wanted, plan, Optional.empty());
    return plan;
  }

  static List<Operation> operations(List<Change> changes) {
    return changes.stream().map(Change::operation).toList();
  }

  static List<String> reasons(List<Change> changes) {
    return changes.stream().map(Change::reason).toList();
  }

  /** The schema after running the operations in order. */
  static Schema applied(Schema schema, List<Operation> operations) {
    Schema result = schema;
    for (Operation operation : operations) {
      result = operation.applyTo(result);
    }
    return result;
  }

  /**
   * The schema with every list that has no meaning in its order sorted: constraints and indexes
   * by name, and columns by name, since a column dropped and added back comes back last.
   */
  static Schema canonical(Schema schema) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables().values()) {
      tables.add(new Table(table.name(),
          sorted(table.columns(), Comparator.comparing(Column::name)),
          table.primaryKey(),
          sorted(table.uniqueConstraints(), Comparator.comparing(UniqueConstraint::name, NULLS)),
          sorted(table.foreignKeys(), Comparator.comparing(ForeignKey::name, NULLS)),
          sorted(table.checks(), Comparator.comparing(CheckConstraint::name, NULLS)),
          sorted(table.indexes(), Comparator.comparing(Index::name, NULLS)),
          table.comment()));
    }
    List<Sequence> sequences = List.copyOf(schema.sequences().values());
    List<EnumType> enumTypes = List.copyOf(schema.enumTypes().values());
    return Schema.of(tables, sequences, enumTypes);
  }

  private static final Comparator<String> NULLS = Comparator.nullsFirst(Comparator.naturalOrder());

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    return items.stream().sorted(order).toList();
  }

  /** A named unique constraint. */
  static UniqueConstraint uq(String name, String... columns) {
    return UniqueConstraint.unique(name, columns);
  }

  static CheckConstraint ck(String name, String expression) {
    return CheckConstraint.check(name, expression);
  }

  static PrimaryKey unnamedPk(String... columns) {
    return PrimaryKey.primaryKey(columns);
  }

  /** Stands for the tables' changes in {@link #aroundTables}. */
  static final Operation TABLES = new ExecuteSql("-- the tables' changes");

  /**
   * The plan's operations in order, with {@link #TABLES} where the changes of tables go: what
   * comes before it runs before any table changes, what comes after it once they are done.
   */
  static List<Operation> aroundTables(PlanBuilder plan) {
    plan.newTable(TABLES, null);
    return operations(plan.ordered(false));
  }
}
