package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * An application's migrator logs through {@link System.Logger}: its progress as information, and
 * what a revision deletes as a warning, which log monitoring picks out.
 */
class MigratorLoggingTest {

  @Revision(id = "l0g000000001", message = "notes")
  public static final class Notes implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("notes", column("id", SqlType.INTEGER).notNull(), column("body", SqlType.TEXT));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("notes");
    }
  }

  @Revision(id = "l0g000000002", revises = "l0g000000001", message = "no bodies")
  public static final class NoBodies implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.dropColumn("notes", "body");
    }

    @Override
    public void downgrade(Operations op) {
      op.addColumn("notes", column("body", SqlType.TEXT));
    }
  }

  @Test
  void whatARevisionDeletesIsLoggedAsAWarning() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    Migrator migrator = new Migrator(RevisionHistory.of(List.of(MigrationScript.of(new Notes(), "Notes"),
        MigrationScript.of(new NoBodies(), "NoBodies"))), TableFilter.defaults());
    List<LogRecord> records = new ArrayList<>();
    Logger logger = Logger.getLogger(Migrator.class.getName());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try (Connection connection = database.open()) {
      migrator.upgrade(connection, "l0g000000001");
      try (Statement statement = connection.createStatement()) {
        statement.execute("insert into notes (id, body) values (1, 'kept until now'), (2, null)");
      }
      migrator.upgrade(connection, "head");
    } finally {
      logger.removeHandler(handler);
    }

    List<LogRecord> warnings = records.stream().filter(record -> record.getLevel() == Level.WARNING).toList();
    assertEquals(1, warnings.size(), records.stream().map(LogRecord::getMessage).toList().toString());
    assertEquals("warning: drop column notes.body: dropping it deletes its values (rows holding a value: 1)",
        warnings.get(0).getMessage());
    assertTrue(records.stream().anyMatch(record -> record.getLevel() == Level.INFO
        && record.getMessage().startsWith("Applied l0g000000002 (no bodies)")));
  }
}
