package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.View;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A table rebuild keeps the views over the table (and over those views) and the triggers on it or
 * naming it: the statements, decided from schema values, and a revision on a real SQLite file that
 * renames a column a view reads and then rebuilds the table, in one transaction.
 */
class SqliteRebuildKeepsViewsTest {

  private static final Table ITEMS = new Table("items", List.of(column("id", INTEGER).notNull(),
      column("label", TEXT), column("price", INTEGER)), Optional.of(primaryKey("id")));

  @Test
  void viewsAreDroppedReadersFirstAndCreatedAgainReadFirstWithTheTriggers() {
    Schema schema = Schema.of(List.of(ITEMS, new Table("other", List.of(column("x", INTEGER)), Optional.empty())))
        .withViewsAndTriggers(
            List.of(new View("a_cheap", "select id from priced where price < 5", Map.of("priced", new TreeSet<>())),
                new View("priced", "select id, price from items", Map.of("items", new TreeSet<>(Set.of("id", "price")))),
                new View("unrelated", "select x from other", Map.of("other", new TreeSet<>(Set.of("x"))))),
            List.of(new Trigger("items_audit", "items", "CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN SELECT 1; END"),
                new Trigger("other_counts", "other", "CREATE TRIGGER other_counts AFTER INSERT ON other BEGIN"
                    + " SELECT count(*) FROM items; END"),
                new Trigger("other_quiet", "other", "CREATE TRIGGER other_quiet AFTER INSERT ON other BEGIN SELECT 2; END")));
    Table changed = ITEMS.withColumnReplaced("label", each -> each.withNullable(false));

    // After the guard every rebuild begins with (SqliteKeepableGuardTest).
    List<String> statements = SqliteTableRebuild.statements(ITEMS, changed, schema)
        .subList(SqliteTableRebuild.keepableGuard(ITEMS).size(), SqliteTableRebuild.statements(ITEMS, changed, schema).size());

    assertEquals(List.of("drop trigger items_audit", "drop trigger other_counts", "drop view a_cheap",
        "drop view priced"), statements.subList(0, 4));
    assertEquals(List.of("create view priced as select id, price from items",
        "create view a_cheap as select id from priced where price < 5",
        "CREATE TRIGGER items_audit AFTER INSERT ON items BEGIN SELECT 1; END",
        "CREATE TRIGGER other_counts AFTER INSERT ON other BEGIN SELECT count(*) FROM items; END"),
        statements.subList(statements.size() - 4, statements.size()));
  }

  @Revision(id = "000000000001", message = "items with a view and a trigger")
  public static final class CreateItems implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("items", column("id", INTEGER).notNull(), column("label", TEXT), column("price", INTEGER),
          primaryKey("id"));
      op.createTable("audit", column("what", TEXT));
      op.execute("create view priced as select id, label, price from items");
      op.execute("create trigger items_audit after insert on items begin insert into audit values (new.label); end");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropView("priced");
      op.dropTable("audit");
      op.dropTable("items");
    }
  }

  @Revision(id = "000000000002", revises = "000000000001", message = "rename and tighten")
  public static final class RenameAndTighten implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.renameColumn("items", "label", "title");
      op.alterColumn("items", "price", ColumnChange.setNotNull(), ColumnChange.type(SqlType.BIGINT));
    }

    @Override
    public void downgrade(Operations op) {
      op.alterColumn("items", "price", ColumnChange.dropNotNull(), ColumnChange.type(INTEGER));
      op.renameColumn("items", "title", "label");
    }
  }

  @Test
  void aRevisionRenamingAColumnAViewReadsThenRebuildingTheTableKeepsTheViewAndTrigger() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    Migrator migrator = new Migrator(RevisionHistory.of(List.of(
        MigrationScript.of(new CreateItems(), "CreateItems"),
        MigrationScript.of(new RenameAndTighten(), "RenameAndTighten"))), TableFilter.defaults());
    try (Connection connection = database.open()) {
      migrator.upgrade(connection, "+1");
      execute(connection, "insert into items (id, label, price) values (1, 'pen', 3)");

      migrator.upgrade(connection, "head");

      execute(connection, "insert into items (id, title, price) values (2, 'ink', 4)");
      assertEquals(List.of("1 pen 3", "2 ink 4"), rows(connection, "select * from priced order by id"));
      assertEquals(List.of("pen", "ink"), rows(connection, "select what from audit order by rowid"));

      migrator.downgrade(connection, "-1");

      assertEquals(List.of("1 pen 3", "2 ink 4"), rows(connection, "select * from priced order by id"));
      execute(connection, "insert into items (id, label, price) values (3, 'cap', 5)");
      assertEquals(List.of("pen", "ink", "cap"), rows(connection, "select what from audit order by rowid"));
    }
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> rows(Connection connection, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
