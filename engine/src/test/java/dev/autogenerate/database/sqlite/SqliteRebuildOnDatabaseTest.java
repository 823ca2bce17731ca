package dev.autogenerate.database.sqlite;

import static dev.autogenerate.operations.ColumnChange.dropDefault;
import static dev.autogenerate.operations.ColumnChange.dropNotNull;
import static dev.autogenerate.operations.ColumnChange.setDefault;
import static dev.autogenerate.operations.ColumnChange.setNotNull;
import static dev.autogenerate.operations.ColumnChange.type;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.varchar;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a real SQLite file: one revision changes three columns of a populated table (type,
 * nullability, default) and adds a unique and a check constraint to it, while another table
 * references it by foreign key. The table is rebuilt once, every row keeps its values, and every
 * reference still holds, whether the connection enforced foreign keys or not.
 */
class SqliteRebuildOnDatabaseTest {

  static final int PRODUCTS = 50;
  static final int LINES = 120;

  @Revision(id = "000000000001", message = "products and order lines")
  public static final class CreateTables implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("product",
          column("id", INTEGER).generatedAsIdentity(),
          column("code", varchar(10)).notNull(),
          column("name", varchar(50)),
          column("price", INTEGER),
          column("status", varchar(10)),
          primaryKey("id"));
      op.createIndex("product", index("ix_product_name", "name"));
      op.createTable("order_line",
          column("id", INTEGER).generatedAsIdentity(),
          column("product_id", INTEGER).notNull(),
          column("quantity", INTEGER).notNull(),
          primaryKey("id"),
          foreignKey("fk_order_line_product_id_product", List.of("product_id"), "product", List.of("id")));
      op.createIndex("order_line", index("ix_order_line_product_id", "product_id"));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("order_line");
      op.dropTable("product");
    }
  }

  @Revision(id = "000000000002", revises = "000000000001", message = "tighten products")
  public static final class TightenProducts implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.alterColumn("product", "code", type(varchar(40)));
      op.alterColumn("product", "price", setNotNull());
      op.alterColumn("product", "status", setDefault("'active'"));
      op.addConstraint("product", unique("uq_product_code", "code"));
      op.addConstraint("product", check("ck_product_price", "price >= 0"));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropConstraint("product", "ck_product_price");
      op.dropConstraint("product", "uq_product_code");
      op.alterColumn("product", "status", dropDefault());
      op.alterColumn("product", "price", dropNotNull());
      op.alterColumn("product", "code", type(varchar(10)));
    }
  }

  private final RevisionHistory history = RevisionHistory.of(List.of(
      MigrationScript.of(new CreateTables(), "CreateTables"),
      MigrationScript.of(new TightenProducts(), "TightenProducts")));

  private final Migrator migrator = new Migrator(history, TableFilter.defaults());

  @ParameterizedTest(name = "foreign keys enforced on the connection: {0}")
  @ValueSource(booleans = {false, true})
  void oneRevisionRebuildsAReferencedTableOnceKeepingRowsAndReferences(boolean enforced) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    Database sqlite = Database.forKind(DatabaseKind.SQLITE);
    List<String> executed = new ArrayList<>();
    try (Connection connection = database.open()) {
      setForeignKeys(connection, enforced);
      migrator.upgrade(connection, "+1");
      populate(connection);
      List<String> productsBefore = rows(connection, "select id, code, name, price, status from product order by id");
      List<String> linesBefore = rows(connection, "select id, product_id, quantity from order_line order by id");
      Schema inspectedBefore = sqlite.inspect(connection, TableFilter.defaults());
      List<String> planned = sqlite.statements(history.revisions().get(1).upgradeOperations(), inspectedBefore);

      migrator.upgrade(recording(connection, executed), "head");

      // Planned and run: one rebuild of product, none of order_line.
      assertEquals(1, count(planned, "create table _autogenerate_rebuild_"), planned::toString);
      assertEquals(1, count(executed, "create table _autogenerate_rebuild_product"), executed::toString);
      assertEquals(1, count(executed, "insert into _autogenerate_rebuild_product"), executed::toString);
      assertEquals(1, count(executed, "drop table product"), executed::toString);
      assertEquals(0, count(executed, "create table _autogenerate_rebuild_order_line"), executed::toString);
      assertTrue(Collections.indexOfSubList(executed, planned) >= 0,
          () -> "ran " + executed + "\nplanned " + planned);

      assertEquals("000000000002", migrator.current(connection));
      assertEquals(enforced, foreignKeysEnforced(connection), "the connection's enforcement is restored");
      assertEquals(productsBefore, rows(connection, "select id, code, name, price, status from product order by id"));
      assertEquals(linesBefore, rows(connection, "select id, product_id, quantity from order_line order by id"));
      assertEquals(List.of(), rows(connection, "pragma foreign_key_check"));
      assertEquals(List.of(String.valueOf(LINES)),
          rows(connection, "select count(*) from order_line l join product p on p.id = l.product_id"));
      assertEquals(List.of(), rows(connection,
          "select name from sqlite_schema where name like '_autogenerate_rebuild_%'"));

      // The table is what the revision says, and nothing else differs from what the history records.
      Schema inspected = sqlite.inspect(connection, TableFilter.defaults());
      MigrationPlan difference = new SchemaComparison(sqlite.comparisonRules())
          .compare(inspected, history.replayUpTo("000000000002"));
      assertTrue(difference.isEmpty(), () -> "inspected differs from the history: " + difference.upgradeChanges());
      assertEquals(List.of("ix_product_name"), inspected.requireTable("product").indexes().stream()
          .map(each -> each.name()).toList());
    }

    try (Connection connection = database.open()) {
      setForeignKeys(connection, true);
      try (Statement statement = connection.createStatement()) {
        // The new shape holds: the wider code, the default, the constraints.
        statement.execute("insert into product (code, price) values ('" + "X".repeat(40) + "', 5)");
        assertEquals(List.of("active"), rows(connection, "select status from product where price = 5"));
        assertThrows(SQLException.class, () -> statement.execute("insert into product (code, price) values ('P01', 1)"));
        assertThrows(SQLException.class, () -> statement.execute("insert into product (code, price) values ('Q1', -1)"));
        assertThrows(SQLException.class, () -> statement.execute("insert into product (code) values ('Q2')"));
        // The references still point at the rebuilt table.
        assertThrows(SQLException.class, () -> statement.execute("delete from product where id = 1"));
        assertThrows(SQLException.class,
            () -> statement.execute("insert into order_line (product_id, quantity) values (999, 1)"));
      }
    }
  }

  /**
   * {@code autoincrement} promises that an id is never handed out twice, even one whose row was
   * deleted; the rebuild must carry the table's high-water mark over, not start again from the
   * largest id left.
   */
  @Test
  void aRebuildKeepsTheAutoincrementHighWaterMark() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      migrator.upgrade(connection, "+1");
      populate(connection);
      statement.execute("insert into product (code, price) values ('GONE', 1)");
      statement.execute("delete from product where code = 'GONE'");

      migrator.upgrade(connection, "head");

      statement.execute("insert into product (code, price) values ('NEW', 1)");
      assertEquals(List.of(String.valueOf(PRODUCTS + 2)), rows(connection, "select id from product where code = 'NEW'"));
    }
  }

  /** The downgrade rebuilds it back, once, rows and references intact. */
  @ParameterizedTest(name = "foreign keys enforced on the connection: {0}")
  @ValueSource(booleans = {false, true})
  void theDowngradeRebuildsItBack(boolean enforced) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    List<String> executed = new ArrayList<>();
    try (Connection connection = database.open()) {
      setForeignKeys(connection, enforced);
      migrator.upgrade(connection, "+1");
      populate(connection);
      List<String> productsBefore = rows(connection, "select id, code, name, price, status from product order by id");
      migrator.upgrade(connection, "head");

      migrator.downgrade(recording(connection, executed), "-1");

      assertEquals(1, count(executed, "create table _autogenerate_rebuild_product"), executed::toString);
      assertEquals("000000000001", migrator.current(connection));
      assertEquals(productsBefore, rows(connection, "select id, code, name, price, status from product order by id"));
      assertEquals(List.of(), rows(connection, "pragma foreign_key_check"));
      assertEquals(List.of(String.valueOf(LINES)),
          rows(connection, "select count(*) from order_line l join product p on p.id = l.product_id"));
      MigrationPlan difference = new SchemaComparison(Database.forKind(DatabaseKind.SQLITE).comparisonRules())
          .compare(Database.forKind(DatabaseKind.SQLITE).inspect(connection, TableFilter.defaults()),
              history.replayUpTo("000000000001"));
      assertTrue(difference.isEmpty(), () -> "inspected differs from the history: " + difference.upgradeChanges());
    }
  }

  /** 50 products, a few without a status, and order lines pointing at every one of them. */
  private static void populate(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (int i = 1; i <= PRODUCTS; i++) {
        statement.execute(String.format("insert into product (code, name, price, status) values ('P%02d', 'Product %d',"
            + " %d, %s)", i, i, i * 10, i % 7 == 0 ? "null" : "'s" + (i % 3) + "'"));
      }
      for (int i = 1; i <= LINES; i++) {
        statement.execute("insert into order_line (product_id, quantity) values (" + (i % PRODUCTS + 1) + ", " + i + ")");
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  static void setForeignKeys(Connection connection, boolean enforced) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("pragma foreign_keys = " + (enforced ? "on" : "off"));
    }
    assertEquals(enforced, foreignKeysEnforced(connection));
  }

  static boolean foreignKeysEnforced(Connection connection) throws SQLException {
    return rows(connection, "pragma foreign_keys").equals(List.of("1"));
  }

  /** Each row as its values joined by {@code |}, nulls as {@code null}. */
  static List<String> rows(Connection connection, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(result.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static long count(List<String> statements, String prefix) {
    return statements.stream().filter(statement -> statement.startsWith(prefix)).count();
  }

  /** The connection, recording the SQL of every statement it creates that runs SQL text. */
  static Connection recording(Connection target, List<String> executed) {
    return (Connection) Proxy.newProxyInstance(SqliteRebuildOnDatabaseTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (method.getName().equals("createStatement") && result instanceof Statement statement) {
            return Proxy.newProxyInstance(SqliteRebuildOnDatabaseTest.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (statementProxy, statementMethod, statementArgs) -> {
                  if (statementMethod.getName().startsWith("execute") && statementArgs != null
                      && statementArgs.length > 0 && statementArgs[0] instanceof String sql) {
                    executed.add(sql);
                  }
                  return invoke(statement, statementMethod, statementArgs);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
