package dev.autogenerate.diff;

import dev.autogenerate.codegen.MigrationStep;
import dev.autogenerate.dialect.SqlDialect;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the schema a database has with the schema the entities map to, and plans the
 * operations that turn one into the other.
 *
 * <p>Things are matched by what they are, not by what they are called: columns by name; primary
 * keys and uniques by column set; foreign keys by columns and referenced columns; checks by
 * normalized expression; indexes by their columns and order. Names come from the naming
 * convention where the mapping gives none.
 *
 * <p>The order works on both databases: enum types and sequences first; new tables in
 * foreign-key order; then per table the drops, adds and alterations; new foreign keys once every
 * key they reference exists; dropped tables last, referencing tables first. The downgrade is
 * derived, not compared: each upgrade operation is inverted against the schema just before it,
 * and the inverses run in reverse order.
 */
public final class SchemaDiff {

  private final SqlDialect dialect;
  private final DiffOptions options;

  public SchemaDiff(SqlDialect dialect) {
    this(dialect, DiffOptions.defaults());
  }

  public SchemaDiff(SqlDialect dialect, DiffOptions options) {
    this.dialect = dialect;
    this.options = options;
  }

  public MigrationPlan compare(Schema current, Schema target) {
    Schema wanted = options.naming().apply(target);
    Plan plan = new Plan();

    compareEnumTypes(current, wanted, plan);
    for (Sequence sequence : wanted.sequences().values()) {
      compareSequence(current.sequence(sequence.name()), sequence, plan);
    }
    List<ForeignKeyToAdd> laterForeignKeys = new ArrayList<>();
    for (Table table : TableOrder.creationOrder(newTables(current, wanted))) {
      createTable(table, current, plan, laterForeignKeys);
    }
    List<Table> kept = wanted.tables().values().stream().filter(table -> current.hasTable(table.name())).toList();
    for (Table table : kept) {
      dropForeignKeys(current.requireTable(table.name()), table, plan, laterForeignKeys);
    }
    for (Table table : kept) {
      compareTable(current.requireTable(table.name()), table, plan);
    }
    for (ForeignKeyToAdd foreignKey : laterForeignKeys) {
      plan.add(new AddConstraint(foreignKey.table(), foreignKey.key()), foreignKey.note());
    }
    dropTables(current, wanted, plan);
    dropSequencesAndTypes(current, wanted, plan);
    return new MigrationPlan(plan.steps, downgradeOf(current, plan.steps), plan.warnings, plan.notices);
  }

  // ----- enum types and sequences

  private void compareEnumTypes(Schema current, Schema wanted, Plan plan) {
    for (EnumType type : wanted.enumTypes().values()) {
      Optional<EnumType> existing = current.enumType(type.name());
      if (existing.isEmpty()) {
        plan.add(new CreateEnumType(type), null);
      } else if (!existing.get().values().equals(type.values())) {
        AlterEnumType alter = new AlterEnumType(type.name(), type.values());
        plan.add(alter, alter.onlyAddsValuesTo(existing.get().values())
            ? "enum " + type.name() + ": new values " + added(existing.get().values(), type.values())
            : "enum " + type.name() + ": values removed or reordered " + existing.get().values() + " -> " + type.values()
                + "; the columns are converted through text, which fails (and rolls back) if a row holds a removed value");
      }
    }
  }

  private void compareSequence(Optional<Sequence> existing, Sequence wanted, Plan plan) {
    if (existing.isEmpty()) {
      plan.add(new CreateSequence(wanted), null);
    } else if (dialect.comparesSequenceIncrement() && existing.get().incrementBy() != wanted.incrementBy()) {
      plan.warnings.add("sequence " + wanted.name() + " increments by " + existing.get().incrementBy()
          + " in the database but by " + wanted.incrementBy() + " in the entities (allocationSize):"
          + " alter it by hand with op.execute(\"alter sequence " + wanted.name() + " increment by "
          + wanted.incrementBy() + "\")");
    }
  }

  private void dropSequencesAndTypes(Schema current, Schema wanted, Plan plan) {
    for (Sequence sequence : current.sequences().values()) {
      if (wanted.sequence(sequence.name()).isEmpty()) {
        plan.add(new DropSequence(sequence.name()), "sequence " + sequence.name() + " is in the database but no entity uses it");
      }
    }
    for (EnumType type : current.enumTypes().values()) {
      if (wanted.enumType(type.name()).isEmpty()) {
        plan.add(new DropEnumType(type.name()), "enum type " + type.name() + " is no longer used by any entity");
      }
    }
  }

  // ----- tables

  private static List<Table> newTables(Schema current, Schema wanted) {
    return wanted.tables().values().stream().filter(table -> !current.hasTable(table.name())).toList();
  }

  private void createTable(Table table, Schema current, Plan plan, List<ForeignKeyToAdd> laterForeignKeys) {
    List<ForeignKey> inline = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      boolean referencedExists = current.hasTable(key.referencedTable()) || plan.created.contains(key.referencedTable())
          || key.referencedTable().equals(table.name());
      if (referencedExists || dialect.foreignKeysMayReferenceLaterTables()) {
        inline.add(key);
      } else {
        laterForeignKeys.add(new ForeignKeyToAdd(table.name(), key,
            "added after the tables it links, which reference each other"));
      }
    }
    Table created = new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(), inline,
        table.checks(), List.of(), null);
    plan.add(new CreateTable(created), null);
    plan.created.add(table.name());
    for (Index index : table.indexes()) {
      plan.add(new CreateIndex(table.name(), index), null);
    }
    if (table.comment() != null) {
      plan.add(new SetTableComment(table.name(), table.comment()), null);
    }
  }

  private void dropTables(Schema current, Schema wanted, Plan plan) {
    List<Table> dropped = current.tables().values().stream().filter(table -> !wanted.hasTable(table.name())).toList();
    TableOrder.Dropping order = TableOrder.droppingOrder(dropped);
    for (TableOrder.ForeignKeyRef cyclic : order.foreignKeysToDropFirst()) {
      plan.add(new DropConstraint(cyclic.table(), cyclic.key().name()), null);
    }
    for (Table table : order.tables()) {
      plan.add(new DropTable(table.name()),
          "table " + table.name() + " is in the database but no entity maps it: dropping it deletes its rows");
    }
  }

  private void compareTable(Table existing, Table wanted, Plan plan) {
    String table = wanted.name();
    boolean primaryKeyChanges = dropPrimaryKeyIfChanged(existing, wanted, plan);
    dropUniquesAndChecks(existing, wanted, plan);
    compareIndexesToDrop(existing, wanted, plan);

    for (Column column : wanted.columns()) {
      if (!existing.hasColumn(column.name())) {
        plan.add(new AddColumn(table, column), addColumnNote(table, column));
      }
    }
    for (Column column : wanted.columns()) {
      existing.column(column.name()).ifPresent(was -> alterColumn(table, was, column, plan));
    }
    for (Column column : existing.columns()) {
      if (!wanted.hasColumn(column.name())) {
        plan.add(new DropColumn(table, column.name()),
            table + "." + column.name() + " is in the database but no entity maps it: dropping it deletes its data");
      }
    }

    if (primaryKeyChanges) {
      wanted.primaryKey().ifPresent(key -> plan.add(new AddConstraint(table, key), null));
    }
    addUniquesAndChecks(existing, wanted, plan);
    for (Index index : wanted.indexes()) {
      if (!existing.indexes().stream().anyMatch(have -> sameIndex(have, index))
          && !(index.unique() && allAscending(index) && hasUnique(existing.uniqueConstraints(), index.columnNames()))) {
        plan.add(new CreateIndex(table, index), null);
      }
    }
    if (!Objects.equals(existing.comment(), wanted.comment())) {
      plan.add(new SetTableComment(table, wanted.comment()), null);
    }
  }

  /**
   * Drops a primary key that changed, before the columns change; the new one is added after them.
   *
   * @return whether the primary key changes
   */
  private boolean dropPrimaryKeyIfChanged(Table existing, Table wanted, Plan plan) {
    Set<String> have = existing.primaryKey().map(key -> Set.copyOf(key.columns())).orElse(Set.of());
    Set<String> want = wanted.primaryKey().map(key -> Set.copyOf(key.columns())).orElse(Set.of());
    if (have.equals(want)) {
      return false;
    }
    String table = wanted.name();
    boolean droppable = existing.primaryKey().map(key -> key.name() != null).orElse(true);
    if (!droppable) {
      plan.warnings.add("primary key of " + table + " differs: the database has " + columnsOf(existing.primaryKey())
          + ", the entities map " + columnsOf(wanted.primaryKey()) + "; change it by hand");
      return false;
    }
    existing.primaryKey().ifPresent(key -> plan.add(new DropConstraint(table, key.name()),
        "primary key of " + table + " changes from " + key.columns() + " to " + columnsOf(wanted.primaryKey())));
    return true;
  }

  private void dropForeignKeys(Table existing, Table wanted, Plan plan, List<ForeignKeyToAdd> laterForeignKeys) {
    for (ForeignKey key : existing.foreignKeys()) {
      Optional<ForeignKey> match = wanted.foreignKeys().stream().filter(want -> sameReference(key, want)).findFirst();
      if (match.isEmpty() || match.get().onDelete() != key.onDelete() || match.get().onUpdate() != key.onUpdate()) {
        plan.add(new DropConstraint(wanted.name(), requireName(key, existing)),
            match.isEmpty() ? null : "foreign key " + key.name() + ": its actions change, so it is dropped and added again");
      }
    }
    for (ForeignKey key : wanted.foreignKeys()) {
      Optional<ForeignKey> match = existing.foreignKeys().stream().filter(have -> sameReference(have, key)).findFirst();
      if (match.isEmpty() || match.get().onDelete() != key.onDelete() || match.get().onUpdate() != key.onUpdate()) {
        laterForeignKeys.add(new ForeignKeyToAdd(wanted.name(), key, null));
      }
    }
  }

  private void dropUniquesAndChecks(Table existing, Table wanted, Plan plan) {
    for (UniqueConstraint unique : existing.uniqueConstraints()) {
      boolean mapped = hasUnique(wanted.uniqueConstraints(), unique.columns())
          || wanted.indexes().stream().anyMatch(index -> enforcesUnique(index, unique.columns()) && allAscending(index));
      if (!mapped) {
        plan.add(new DropConstraint(wanted.name(), requireName(unique, existing)), null);
      }
    }
    for (CheckConstraint check : existing.checks()) {
      if (!hasCheck(wanted.checks(), check)) {
        plan.add(new DropConstraint(wanted.name(), requireName(check, existing)), null);
      }
    }
  }

  private void addUniquesAndChecks(Table existing, Table wanted, Plan plan) {
    for (UniqueConstraint unique : wanted.uniqueConstraints()) {
      boolean present = hasUnique(existing.uniqueConstraints(), unique.columns())
          || existing.indexes().stream().anyMatch(index -> enforcesUnique(index, unique.columns()));
      if (!present) {
        plan.add(new AddConstraint(wanted.name(), unique), null);
      }
    }
    for (CheckConstraint check : wanted.checks()) {
      if (!hasCheck(existing.checks(), check)) {
        plan.add(new AddConstraint(wanted.name(), check), null);
      }
    }
  }

  private void compareIndexesToDrop(Table existing, Table wanted, Plan plan) {
    for (Index index : existing.indexes()) {
      if (!index.isManaged() && wanted.indexes().stream().noneMatch(want -> sameIndex(index, want))) {
        plan.notices.add("index " + index.name() + " on " + wanted.name()
            + " is partial or on expressions, which no mapping expresses: left alone");
        continue;
      }
      boolean mapped = wanted.indexes().stream().anyMatch(want -> sameIndex(index, want))
          || (index.unique() && allAscending(index) && hasUnique(wanted.uniqueConstraints(), index.columnNames()));
      if (mapped) {
        continue;
      }
      if (options.dropUnmappedIndexes()) {
        plan.add(new DropIndex(wanted.name(), index.name()), "index " + index.name() + " is not in the mapping");
      } else {
        plan.notices.add("index " + index.name() + " on " + wanted.name() + " " + index.columnNames()
            + " exists only in the database: left alone (set compare.drop-unmapped-indexes=true to drop such indexes)");
      }
    }
  }

  // ----- columns

  private void alterColumn(String table, Column was, Column wanted, Plan plan) {
    List<ColumnChange> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!dialect.sameType(was.type(), wanted.type(), wanted.identity() && was.identity())) {
      changes.add(ColumnChange.type(wanted.type()));
      notes.add("type " + was.type() + " -> " + wanted.type());
    }
    if (was.nullable() != wanted.nullable()) {
      changes.add(new ColumnChange.SetNullable(wanted.nullable()));
      notes.add(wanted.nullable() ? "now nullable" : "now NOT NULL: fails if any row holds null");
    }
    if (wanted.identity() && !was.identity() && !isSequenceDefault(was.defaultSql())) {
      plan.warnings.add(table + "." + wanted.name() + ": the entities let the database generate it (identity),"
          + " but the database does not; make it an identity column by hand");
    }
    compareDefault(table, was, wanted, changes, notes, plan);
    if (!Objects.equals(was.comment(), wanted.comment())) {
      changes.add(new ColumnChange.SetComment(wanted.comment()));
      notes.add(wanted.comment() == null ? "comment removed" : "comment changed");
    }
    if (!changes.isEmpty()) {
      plan.add(new AlterColumn(table, wanted.name(), changes), table + "." + wanted.name() + ": " + String.join("; ", notes));
    }
  }

  /**
   * Defaults compare by normal form. A sequence's {@code nextval(...)} is how the database fills
   * an id, not a default the mapping states; and where one side is an expression the normal form
   * cannot decide, the diff warns rather than rewrite a default that may well be the same.
   */
  private void compareDefault(String table, Column was, Column wanted, List<ColumnChange> changes, List<String> notes,
      Plan plan) {
    String have = was.identity() || isSequenceDefault(was.defaultSql()) ? null : SqlExpressions.normalize(was.defaultSql());
    String want = SqlExpressions.normalize(wanted.defaultSql());
    if (Objects.equals(have, want)) {
      return;
    }
    if (have != null && want != null && !(SqlExpressions.isLiteral(have) && SqlExpressions.isLiteral(want))) {
      plan.warnings.add("default of " + table + "." + wanted.name() + ": the database has " + was.defaultSql()
          + ", the entities say " + wanted.defaultSql() + "; if they differ, write op.alterColumn(\"" + table + "\", \""
          + wanted.name() + "\", setDefault(...)) by hand");
      return;
    }
    changes.add(new ColumnChange.SetDefault(wanted.defaultSql()));
    notes.add(want == null ? "default " + was.defaultSql() + " dropped" : "default " + wanted.defaultSql());
  }

  private static boolean isSequenceDefault(String defaultSql) {
    return defaultSql != null && defaultSql.trim().toLowerCase().startsWith("nextval(");
  }

  private static String addColumnNote(String table, Column column) {
    if (column.nullable() || column.identity() || column.defaultSql() != null) {
      return null;
    }
    return table + "." + column.name() + " is NOT NULL without a default: this fails if " + table
        + " has rows; give it a default or fill it in a data migration first";
  }

  // ----- matching

  private static boolean sameReference(ForeignKey one, ForeignKey other) {
    return one.columns().equals(other.columns()) && one.referencedTable().equals(other.referencedTable())
        && one.referencedColumns().equals(other.referencedColumns());
  }

  private static boolean hasUnique(List<UniqueConstraint> uniques, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    return uniques.stream().anyMatch(unique -> Set.copyOf(unique.columns()).equals(wanted));
  }

  /** Whether an ordinary unique index makes these columns unique, as a unique constraint would. */
  private static boolean enforcesUnique(Index index, List<String> columns) {
    return index.isManaged() && index.unique() && Set.copyOf(index.columnNames()).equals(Set.copyOf(columns));
  }

  private static boolean hasCheck(List<CheckConstraint> checks, CheckConstraint check) {
    String key = SqlExpressions.normalize(check.expression());
    return checks.stream().anyMatch(each -> Objects.equals(SqlExpressions.normalize(each.expression()), key));
  }

  /**
   * Ordinary indexes match by columns, order and uniqueness. An index on expressions, which the
   * mapping can declare ({@code columnList = "(lower(email))"}) and the database reports as its
   * own definition, can only match by name: the two texts are never spelled alike.
   */
  private static boolean sameIndex(Index one, Index other) {
    if (!one.isManaged() || !other.isManaged()) {
      return one.name() != null && one.name().equalsIgnoreCase(other.name());
    }
    return one.unique() == other.unique() && one.columns().equals(other.columns());
  }

  private static boolean allAscending(Index index) {
    return index.columns().stream().noneMatch(column -> column.descending());
  }

  private static String requireName(TableConstraint constraint, Table table) {
    if (constraint.name() == null) {
      throw new IllegalStateException("constraint on " + table.name() + " " + constraint + " has no name to drop it by");
    }
    return constraint.name();
  }

  private static String columnsOf(Optional<PrimaryKey> key) {
    return key.map(each -> "(" + String.join(", ", each.columns()) + ")").orElse("no primary key");
  }

  private static List<String> added(List<String> before, List<String> after) {
    return after.stream().filter(value -> !before.contains(value)).toList();
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

  /** A foreign key to add once the keys it references exist. */
  private record ForeignKeyToAdd(String table, ForeignKey key, String note) {}

  /** The steps being planned, and what was noticed on the way. */
  private static final class Plan {
    final List<MigrationStep> steps = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> notices = new ArrayList<>();
    final Set<String> created = new LinkedHashSet<>();

    void add(Operation operation, String note) {
      steps.add(new MigrationStep(operation, note));
    }
  }
}
