package dev.autogenerate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AutomaticRowsTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void fillsEachEmptyTableOnceParentsFirstAndLeavesARefusedOneEmpty(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      // Created child first, so that only a second pass can fill it.
      statement.execute("create table parent (id integer primary key, label varchar(10) not null)");
      statement.execute("create table child (id integer primary key, note text,"
          + " parent_id integer not null references parent (id))");
      statement.execute("create table strict (id integer primary key, n integer not null check (n > 5))");
      statement.execute("create table kept (id integer primary key, word text)");
      statement.execute("insert into kept values (9, 'mine')");

      new AutomaticRows(TableFilter.defaults()).seed("r1", connection);

      assertEquals(List.of("{id=1, label=a}"), TableRows.read(connection, "parent").rows());
      assertEquals(List.of("{id=1, note=a, parent_id=1}"), TableRows.read(connection, "child").rows());
      assertEquals(List.of(), TableRows.read(connection, "strict").rows());
      assertEquals(List.of("{id=9, word=mine}"), TableRows.read(connection, "kept").rows());
    }
  }
}
