package dev.autogenerate.migration;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
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

  public void addColumn(String table, Column column) {
    add(new AddColumn(table, column));
  }

  public void dropColumn(String table, String column) {
    add(new DropColumn(table, column));
  }

  /** {@code op.alterColumn("users", "age", type(BIGINT), setNotNull())}. */
  public void alterColumn(String table, String column, ColumnChange... changes) {
    add(AlterColumn.of(table, column, List.of(changes)));
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
