package dev.autogenerate.migration;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AdvanceSequence;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.ColumnChange;
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
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.schema.UniqueConstraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code upgrade(op)} and {@code downgrade(op)} write to: it records each operation, in
 * order, and executes nothing. The recorded list is then run, printed or replayed by the caller.
 */
public final class Operations {

  private final List<Operation> recorded = new ArrayList<>();

  /** {@code op.createTable("users", column("id", BIGINT).notNull(), primaryKey("id"))}. */
  public void createTable(String name, TableElement... elements) {
    add(new CreateTable(Table.of(name, List.of(elements))));
  }

  public void dropTable(String name) {
    add(new DropTable(name));
  }

  /**
   * {@code op.renameTable("users", "people")}: the rows stay, and foreign keys referencing the table
   * follow it. The new name is in the old one's schema ({@code "sales.orders", "sales.purchases"}).
   */
  public void renameTable(String from, String to) {
    add(new RenameTable(from, to));
  }

  public void addColumn(String table, Column column) {
    add(new AddColumn(table, column));
  }

  public void dropColumn(String table, String column) {
    add(new DropColumn(table, column));
  }

  /** {@code op.alterColumn("users", "age", type(BIGINT), setNotNull(), setDefault("0"))}. */
  public void alterColumn(String table, String column, ColumnChange... changes) {
    add(AlterColumn.of(table, column, List.of(changes)));
  }

  /**
   * {@code op.renameColumn("users", "nickname", "display_name")}: the values stay, and keys, indexes
   * and foreign keys using the column follow it.
   */
  public void renameColumn(String table, String from, String to) {
    add(new RenameColumn(table, from, to));
  }

  /** Sets or (with null) removes a table's comment. */
  public void setTableComment(String table, String comment) {
    add(new SetTableComment(table, comment));
  }

  /** {@code op.addConstraint("users", unique("uq_users_email", "email"))}; also foreign keys and checks. */
  public void addConstraint(String table, TableConstraint constraint) {
    add(new AddConstraint(table, constraint));
  }

  /**
   * {@code op.addConstraintNotValid("orders", foreignKey(...))}: a foreign key or check the rows
   * already there are not checked against until {@link #validateConstraint}; on PostgreSQL the
   * table is locked for an instant instead of for a scan.
   */
  public void addConstraintNotValid(String table, TableConstraint constraint) {
    add(new AddConstraintNotValid(table, constraint));
  }

  /** {@code op.validateConstraint("orders", "fk_orders_customer_id")}: checks the rows a not-valid constraint skipped. */
  public void validateConstraint(String table, String name) {
    add(new ValidateConstraint(table, name));
  }

  /**
   * {@code op.addUniqueUsingIndex("users", unique("uk_users_email", "email"))}: the unique index of
   * that name and those columns, built concurrently by an earlier revision, becomes the constraint's;
   * on PostgreSQL the table is locked for an instant instead of while an index is built.
   */
  public void addUniqueUsingIndex(String table, UniqueConstraint constraint) {
    add(new AddUniqueUsingIndex(table, constraint));
  }

  /**
   * {@code op.lockTimeout(Duration.ofSeconds(5))}, first in a revision: a statement that waits
   * longer than that for a lock fails the revision instead of queueing the table's traffic behind it.
   */
  public void lockTimeout(Duration timeout) {
    add(new LockTimeout(timeout));
  }

  /**
   * {@code op.leaveIndexToDatabase("users", "users_active_partial")}: the index is the database's
   * own (created by this revision, as {@code baseline} adopts it, but mapped by no entity): no
   * later comparison proposes to drop it. Runs nothing.
   */
  public void leaveIndexToDatabase(String table, String index) {
    add(new LeaveToDatabase(table, LeaveToDatabase.Kind.INDEX, index));
  }

  /** The same for a unique, check or foreign-key constraint. */
  public void leaveConstraintToDatabase(String table, String constraint) {
    add(new LeaveToDatabase(table, LeaveToDatabase.Kind.CONSTRAINT, constraint));
  }

  /** The same for a column's default. */
  public void leaveDefaultToDatabase(String table, String column) {
    add(new LeaveToDatabase(table, LeaveToDatabase.Kind.DEFAULT, column));
  }

  /** The same for the table's comment. */
  public void leaveCommentToDatabase(String table) {
    add(new LeaveToDatabase(table, LeaveToDatabase.Kind.COMMENT, null));
  }

  /** The same for a column's comment. */
  public void leaveCommentToDatabase(String table, String column) {
    add(new LeaveToDatabase(table, LeaveToDatabase.Kind.COMMENT, column));
  }

  public void dropConstraint(String table, String name) {
    add(new DropConstraint(table, name));
  }

  /**
   * {@code op.createIndexConcurrently("orders", index("ix_orders_placed", "placed_at"))}: without
   * blocking writes on PostgreSQL; it must be the only operation of its revision.
   */
  public void createIndexConcurrently(String table, Index index) {
    add(new CreateIndexConcurrently(table, index));
  }

  /** {@code op.createIndex("users", index("ix_users_email", "email"))}. */
  public void createIndex(String table, Index index) {
    add(new CreateIndex(table, index));
  }

  public void dropIndex(String table, String name) {
    add(new DropIndex(table, name));
  }

  /** {@code op.createSequence(sequence("users_seq", 1, 50))}. */
  public void createSequence(Sequence sequence) {
    add(new CreateSequence(sequence));
  }

  public void dropSequence(String name) {
    add(new DropSequence(name));
  }

  /** {@code op.renameSequence("users_seq", "people_seq")}: it keeps its current value. */
  public void renameSequence(String from, String to) {
    add(new RenameSequence(from, to));
  }

  /** {@code op.alterSequence("users_seq", 50)}: a new increment, as {@code allocationSize} sets it. */
  public void alterSequence(String name, long incrementBy) {
    add(new AlterSequence(name, incrementBy));
  }

  /**
   * {@code op.advanceSequence("orders_seq", "orders", "id", 50)}: the sequence's next value past
   * the largest {@code orders.id} by the entity's {@code allocationSize}, where a table with rows
   * starts taking its ids from a new sequence; a sequence already past them is left alone.
   */
  public void advanceSequence(String sequence, String table, String column, long allocationSize) {
    add(new AdvanceSequence(sequence, table, column, allocationSize));
  }

  /** {@code op.createEnumType(enumType("order_status", "NEW", "PAID"))} (PostgreSQL). */
  public void createEnumType(EnumType enumType) {
    add(new CreateEnumType(enumType));
  }

  public void dropEnumType(String name) {
    add(new DropEnumType(name));
  }

  /** Gives an enum type a new list of values: {@code op.alterEnumType("order_status", "NEW", "PAID", "SHIPPED")}. */
  public void alterEnumType(String name, String... values) {
    add(new AlterEnumType(name, List.of(values)));
  }

  /** {@code op.createView("order_totals", "SELECT ...")}: the view, with its query as the database gives it back. */
  public void createView(String name, String definition) {
    add(new CreateView(name, definition));
  }

  /** {@code op.dropView("order_totals")}: a view (for a materialized one, {@link #dropMaterializedView}). */
  public void dropView(String name) {
    add(new DropView(name));
  }

  /**
   * {@code op.dropMaterializedView("order_totals")}: a materialized view (PostgreSQL). The
   * migration says which kind it drops, so that the SQL written offline ({@code --sql}) drops it
   * as the upgrade does; PostgreSQL drops neither kind with the other's statement.
   */
  public void dropMaterializedView(String name) {
    add(new DropView(name, true));
  }

  /** Runs SQL as it is, for data migrations. */
  public void execute(String sql) {
    add(new ExecuteSql(sql));
  }

  /** Records an operation value directly; the named methods above are the usual way. */
  public void add(Operation operation) {
    recorded.add(operation);
  }

  /** The operations recorded so far, in order. */
  public List<Operation> recorded() {
    return List.copyOf(recorded);
  }
}
