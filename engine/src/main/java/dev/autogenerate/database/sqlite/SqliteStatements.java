package dev.autogenerate.database.sqlite;

import static dev.autogenerate.database.Ddl.qualifiedName;
import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.database.Ddl;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AdvanceSequence;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.LockTimeout;
import dev.autogenerate.operations.OperationVisitor;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What each operation takes on SQLite: statements of its own, or a rebuild of its table, which
 * {@link SqliteDatabase} does once for a whole group. Comments and enum types do not exist here
 * and cost nothing. A sequence is what Hibernate emulates it with: a one-row table holding
 * {@code next_val}.
 */
final class SqliteStatements implements OperationVisitor<SqliteStep> {

  /** A default {@code alter table add column} takes: a number, a string, a blob, null, true or false. */
  private static final Pattern CONSTANT = Pattern.compile(
      "(?i)[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?|'([^']|'')*'|x'[0-9a-f]*'|null|true|false");

  private final Schema before;

  /** @param before the schema just before the operation */
  SqliteStatements(Schema before) {
    this.before = before;
  }

  @Override
  public SqliteStep createTable(CreateTable operation) {
    return SqliteStep.own(List.of(SqliteDdl.createTable(operation.table().name(), operation.table())));
  }

  @Override
  public SqliteStep dropTable(DropTable operation) {
    return SqliteStep.own(List.of("drop table " + qualifiedName(operation.table())));
  }

  /**
   * On its own, never by a rebuild: a rebuild copies columns by name into the new shape, which
   * would lose a renamed table's or column's data. SQLite (3.26 and later) carries the rename into
   * the foreign keys of other tables, as PostgreSQL does.
   */
  @Override
  public SqliteStep renameTable(RenameTable operation) {
    return SqliteStep.own(List.of("alter table " + qualifiedName(operation.from()) + " rename to "
        + quote(operation.to())));
  }

  /**
   * {@code alter table add column} cannot add a NOT NULL column without a default, nor, to a table
   * with rows, one whose default is not a constant ({@code CURRENT_TIMESTAMP}, an expression): a
   * revision that passes on an empty development database would fail on one with data. The
   * rebuild's copy gives each row the default instead.
   */
  @Override
  public SqliteStep addColumn(AddColumn operation) {
    Column column = operation.column();
    if (!column.nullable() && column.defaultSql() == null
        || column.defaultSql() != null && !CONSTANT.matcher(column.defaultSql().strip()).matches()) {
      return SqliteStep.rebuild();
    }
    return SqliteStep.ownOrRebuild(List.of("alter table " + qualifiedName(operation.table()) + " add column "
        + SqliteDdl.columnDefinition(column, false)));
  }

  /** {@code alter table drop column} refuses a column that a key, check or index uses. */
  @Override
  public SqliteStep dropColumn(DropColumn operation) {
    if (isConstrained(before.requireTable(operation.table()), operation.column())) {
      return SqliteStep.rebuild();
    }
    return SqliteStep.ownOrRebuild(List.of("alter table " + qualifiedName(operation.table()) + " drop column "
        + quote(operation.column())));
  }

  @Override
  public SqliteStep alterColumn(AlterColumn operation) {
    boolean commentOnly = operation.changes().size() == 1 && operation.newComment().isPresent();
    return commentOnly || declaredAlike(operation) ? SqliteStep.ownOrRebuild(List.of()) : SqliteStep.rebuild();
  }

  /**
   * A type change alone that SQLite declares as the old type ({@code timestamp} to
   * {@code timestamptz}, both {@code timestamp} here): nothing to rebuild, the history records the
   * new type for the databases that tell them apart.
   */
  private boolean declaredAlike(AlterColumn operation) {
    if (operation.changes().size() != 1 || operation.newType().isEmpty()) {
      return false;
    }
    return before.table(operation.table()).flatMap(table -> table.column(operation.column()))
        .map(column -> SqliteDdl.typeName(column.type()).equals(SqliteDdl.typeName(operation.newType().get())))
        .orElse(false);
  }

  /** On its own, for the reason {@link #renameTable} gives; SQLite rewrites keys, checks and indexes. */
  @Override
  public SqliteStep renameColumn(RenameColumn operation) {
    return SqliteStep.own(List.of("alter table " + qualifiedName(operation.table()) + " rename column "
        + quote(operation.from()) + " to " + quote(operation.to())));
  }

  @Override
  public SqliteStep setTableComment(SetTableComment operation) {
    return SqliteStep.ownOrRebuild(List.of());
  }

  @Override
  public SqliteStep addConstraint(AddConstraint operation) {
    return SqliteStep.rebuild();
  }

  /** SQLite has no lock to spare: the constraint comes with the rebuild, which checks the rows. */
  @Override
  public SqliteStep addConstraintNotValid(AddConstraintNotValid operation) {
    return SqliteStep.rebuild();
  }

  /** The table is rebuilt with the constraint; the index goes with the old table. */
  @Override
  public SqliteStep addUniqueUsingIndex(AddUniqueUsingIndex operation) {
    return SqliteStep.rebuild();
  }

  /** The rows were checked when the constraint came; nothing to run, and no reason to end a rebuild. */
  @Override
  public SqliteStep validateConstraint(ValidateConstraint operation) {
    return SqliteStep.ownOrRebuild(List.of());
  }

  /** Nothing runs: it only tells later comparisons whose the object is. */
  @Override
  public SqliteStep leaveToDatabase(LeaveToDatabase operation) {
    return SqliteStep.ownOrRebuild(List.of());
  }

  /** One writer at a time, each waiting its turn at {@code begin immediate}: no lock queue to bound. */
  @Override
  public SqliteStep lockTimeout(LockTimeout operation) {
    return SqliteStep.own(List.of());
  }

  @Override
  public SqliteStep dropConstraint(DropConstraint operation) {
    return SqliteStep.rebuild();
  }

  @Override
  public SqliteStep createIndex(CreateIndex operation) {
    return SqliteStep.ownOrRebuild(List.of(Ddl.createIndex(operation.table(), operation.index())));
  }

  /** SQLite has no concurrent build: an ordinary index. */
  @Override
  public SqliteStep createIndexConcurrently(CreateIndexConcurrently operation) {
    return SqliteStep.ownOrRebuild(List.of(Ddl.createIndex(operation.table(), operation.index())));
  }

  @Override
  public SqliteStep dropIndex(DropIndex operation) {
    return SqliteStep.ownOrRebuild(List.of("drop index " + quote(operation.name())));
  }

  /** Hibernate's emulation of a sequence on SQLite: a table with one row holding the next value. */
  @Override
  public SqliteStep createSequence(CreateSequence operation) {
    String table = quote(operation.sequence().name());
    return SqliteStep.own(List.of("create table " + table + " (next_val bigint)",
        "insert into " + table + " (next_val) values (" + operation.sequence().startWith() + ")"));
  }

  @Override
  public SqliteStep dropSequence(DropSequence operation) {
    return SqliteStep.own(List.of("drop table " + quote(operation.name())));
  }

  /** Hibernate's sequence table keeps the next value only; the increment lives in the mapping. */
  @Override
  public SqliteStep alterSequence(AlterSequence operation) {
    return SqliteStep.own(List.of());
  }

  /** A sequence is Hibernate's one-row table here: renamed, it keeps its next value. */
  @Override
  public SqliteStep renameSequence(RenameSequence operation) {
    return SqliteStep.own(List.of("alter table " + quote(operation.from()) + " rename to " + quote(operation.to())));
  }

  /**
   * Hibernate reads {@code next_val} as the next value and takes the allocation's block of ids
   * below it: past the rows' largest id by the allocation, unless it is there already.
   */
  @Override
  public SqliteStep advanceSequence(AdvanceSequence operation) {
    String past = "(select max(" + quote(operation.column()) + ") + " + operation.allocationSize() + " from "
        + qualifiedName(operation.table()) + ")";
    return SqliteStep.own(List.of("update " + quote(operation.sequence()) + " set next_val = " + past
        + " where next_val < " + past));
  }

  @Override
  public SqliteStep createEnumType(CreateEnumType operation) {
    return SqliteStep.own(List.of());
  }

  @Override
  public SqliteStep dropEnumType(DropEnumType operation) {
    return SqliteStep.own(List.of());
  }

  @Override
  public SqliteStep alterEnumType(AlterEnumType operation) {
    return SqliteStep.own(List.of());
  }

  @Override
  public SqliteStep createView(CreateView operation) {
    return SqliteStep.own(List.of(SqliteDdl.createView(operation.name(), operation.definition())));
  }

  @Override
  public SqliteStep dropView(DropView operation) {
    if (operation.materialized()) {
      // SqliteDatabase.aheadOfTransaction refuses it first, with the migration's name.
      throw new IllegalArgumentException(SqliteDatabase.noMaterializedViews(operation));
    }
    return SqliteStep.own(List.of("drop view " + quote(operation.name())));
  }

  @Override
  public SqliteStep executeSql(ExecuteSql operation) {
    return SqliteStep.own(List.of(operation.sql()));
  }

  private static boolean isConstrained(Table table, String column) {
    return table.constraints().stream().anyMatch(constraint -> constraint.columns().contains(column))
        // As written, in whatever case (SQLite finds hitCount as hitcount), anywhere in the text.
        || table.checks().stream().anyMatch(check -> SqliteNames.asciiLowerCase(check.expression())
            .contains(SqliteNames.asciiLowerCase(column)))
        || table.indexes().stream().anyMatch(index -> !index.isManaged() || index.columnNames().contains(column));
  }
}
