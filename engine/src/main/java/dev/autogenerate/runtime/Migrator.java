package dev.autogenerate.runtime;

import dev.autogenerate.dialect.SqlDialect;
import dev.autogenerate.diff.UnstoredProperties;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Applies and reverts migrations on a live database: the runtime behind {@code autogenerate
 * upgrade} and {@code downgrade}, and the API an application calls at start-up:
 *
 * <pre>{@code Migrator.fromClasspath("com.example.app.migrations").upgrade(dataSource);}</pre>
 *
 * <p>Each revision runs in its own transaction together with the version-table update, so a
 * failed revision leaves the database at the revision before it.
 */
public final class Migrator {

  private final RevisionHistory history;
  private final TableFilter filter;

  public Migrator(RevisionHistory history, TableFilter filter) {
    this.history = history;
    this.filter = filter;
  }

  /** The migrations compiled into {@code packageName}, found through the context class loader. */
  public static Migrator fromClasspath(String packageName) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return fromClasspath(packageName, loader != null ? loader : Migrator.class.getClassLoader());
  }

  /**
   * The migrations compiled into {@code packageName}.
   *
   * @throws UserError when the package holds none: a misspelt package must not start an
   *     application on an unmigrated database
   */
  public static Migrator fromClasspath(String packageName, ClassLoader loader) {
    List<MigrationScript> scripts = MigrationLoader.fromClasspath(packageName, loader);
    if (scripts.isEmpty()) {
      throw new UserError("no migrations in package " + packageName + " on the class path: check the package name,"
          + " and that the migrations are compiled into the application");
    }
    return new Migrator(RevisionHistory.of(scripts), TableFilter.defaults());
  }

  public RevisionHistory history() {
    return history;
  }

  /** Brings the database to the newest revision. */
  public List<MigrationScript> upgrade(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return upgrade(connection, "head");
    }
  }

  /** The revision the database is at, or null at base. */
  public String current(Connection connection) throws SQLException {
    return VersionTable.current(connection);
  }

  /**
   * Applies revisions up to a target.
   *
   * @param target {@code head}, {@code +N} or a revision id (prefix)
   * @return the revisions applied, in order
   */
  public List<MigrationScript> upgrade(Connection connection, String target) throws SQLException {
    Optional<String> edited = editedSinceApplied(connection);
    if (edited.isPresent()) {
      throw new UserError(edited.get());
    }
    int current = history.position(VersionTable.current(connection));
    int goal = history.resolve(target, current);
    if (goal < current) {
      throw new UserError("revision " + target + " is behind the current one (" + history.describePosition(current)
          + "): use downgrade to go back");
    }
    List<MigrationScript> applied = new ArrayList<>();
    for (int position = current + 1; position <= goal; position++) {
      MigrationScript script = history.get(position);
      apply(connection, script, script.upgradeOperations(), script.id(), script.checksum());
      applied.add(script);
    }
    return applied;
  }

  /**
   * Reverts revisions down to a target, which stays applied.
   *
   * @param target {@code -N}, {@code base} or a revision id (prefix)
   * @return the revisions reverted, in the order they were reverted
   */
  public List<MigrationScript> downgrade(Connection connection, String target) throws SQLException {
    int current = history.position(VersionTable.current(connection));
    int goal = history.resolve(target, current);
    if (goal > current) {
      throw new UserError("revision " + target + " is ahead of the current one (" + history.describePosition(current)
          + "): use upgrade to go forward");
    }
    List<MigrationScript> reverted = new ArrayList<>();
    for (int position = current; position > goal; position--) {
      MigrationScript script = history.get(position);
      String parentChecksum = position > 0 ? history.get(position - 1).checksum() : null;
      apply(connection, script, script.downgradeOperations(), script.revises(), parentChecksum);
      reverted.add(script);
    }
    return reverted;
  }

  /** The SQL a revision's operations become on this database, without running it. */
  public static List<String> render(List<Operation> operations, Schema before, SqlDialect dialect) {
    List<String> statements = new ArrayList<>();
    Schema schema = before;
    for (Operation operation : operations) {
      statements.addAll(dialect.statements(operation, schema));
      schema = operation.applyTo(schema);
    }
    return statements;
  }

  /**
   * Whether the revision the database is at was edited after it ran here: its operations no longer
   * match the checksum recorded when it was applied. Downgrading is still allowed (that is the
   * way out); upgrading, checking and generating are not, since they would build on a schema the
   * file no longer describes.
   *
   * @return the message saying so, or empty when the migration is as it was applied
   */
  public Optional<String> editedSinceApplied(Connection connection) throws SQLException {
    String current = VersionTable.current(connection);
    String recorded = VersionTable.checksum(connection);
    if (current == null || recorded == null) {
      return Optional.empty();
    }
    MigrationScript script = history.get(history.position(current));
    if (recorded.equals(script.checksum())) {
      return Optional.empty();
    }
    return Optional.of("migration " + script.origin() + " was edited after it was applied to this database (its"
        + " operations differ from what ran): undo the edit, or run downgrade -1 and then upgrade head to apply the"
        + " edited version");
  }

  private void apply(Connection connection, MigrationScript script, List<Operation> operations, String newVersion,
      String newChecksum) throws SQLException {
    DatabaseKind kind = kindOf(connection);
    SqlDialect dialect = SqlDialect.forKind(kind);
    DatabaseInspector inspector = DatabaseInspector.forKind(kind);
    boolean autoCommit = connection.getAutoCommit();
    boolean sqliteForeignKeys = kind == DatabaseKind.SQLITE && sqliteForeignKeys(connection, false);
    connection.setAutoCommit(false);
    String statementSql = null;
    TableFilter filter = this.filter.withSchemas(schemasNamed(operations));
    try (Statement statement = connection.createStatement()) {
      // What SQLite cannot store (enum types, comments) comes from what the applied revisions recorded.
      String applied = VersionTable.current(connection);
      Schema schema = UnstoredProperties.fill(inspector.inspect(connection, filter),
          () -> history.replayUpTo(applied), dialect);
      for (Operation operation : operations) {
        // Apply to the model first: a migration that names a missing table or column fails here
        // with a clear message instead of halfway through its SQL.
        Schema after = operation instanceof ExecuteSql ? null : applyOrExplain(operation, schema, script);
        for (String sql : dialect.statements(operation, schema)) {
          statementSql = sql;
          statement.execute(sql);
        }
        statementSql = null;
        // Raw SQL may change anything, so look again rather than guess; what the database cannot
        // store is kept from the schema as it stood.
        Schema before = schema;
        schema = after != null ? after
            : UnstoredProperties.fill(inspector.inspect(connection, filter), () -> Optional.of(before), dialect);
      }
      VersionTable.set(connection, newVersion, newChecksum);
      if (sqliteForeignKeys) {
        requireNoForeignKeyViolations(connection, script);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      if (e instanceof UserError userError) {
        throw userError;
      }
      String where = statementSql == null ? "" : " at `" + UserError.firstLine(statementSql) + "`";
      throw new UserError("migration " + script.label() + " failed" + where + ": " + UserError.firstLine(String.valueOf(e.getMessage()))
          + "; nothing of it was applied", e);
    } finally {
      connection.setAutoCommit(autoCommit);
      if (sqliteForeignKeys) {
        sqliteForeignKeys(connection, true);
      }
    }
  }

  /**
   * The schemas besides the current one that operations name ({@code sales} of
   * {@code sales.orders}), so that the inspection before a revision sees the tables it changes.
   */
  static Set<String> schemasNamed(List<Operation> operations) {
    Set<String> schemas = new TreeSet<>();
    for (Operation operation : operations) {
      List<String> names = new ArrayList<>();
      if (operation instanceof CreateTable create) {
        names.add(create.table().name());
        create.table().foreignKeys().forEach(key -> names.add(key.referencedTable()));
      } else if (operation instanceof AddConstraint add) {
        names.add(add.table());
        if (add.constraint() instanceof ForeignKey key) {
          names.add(key.referencedTable());
        }
      } else if (operation instanceof AddColumn add) {
        names.add(add.table());
      } else if (operation instanceof AlterColumn alter) {
        names.add(alter.table());
      } else if (operation instanceof CreateIndex create) {
        names.add(create.table());
      } else if (operation instanceof DropColumn drop) {
        names.add(drop.table());
      } else if (operation instanceof DropConstraint drop) {
        names.add(drop.table());
      } else if (operation instanceof DropIndex drop) {
        names.add(drop.table());
      } else if (operation instanceof DropTable drop) {
        names.add(drop.table());
      } else if (operation instanceof SetTableComment comment) {
        names.add(comment.table());
      } else if (operation instanceof CreateSequence create) {
        names.add(create.sequence().name());
      } else if (operation instanceof DropSequence drop) {
        names.add(drop.name());
      }
      for (String name : names) {
        String schema = Schema.schemaOf(name);
        if (schema != null) {
          schemas.add(schema);
        }
      }
    }
    return schemas;
  }

  /**
   * SQLite rebuilds tables to alter them, and dropping a table that others reference would, with
   * foreign keys enforced, delete or cascade. So enforcement is off while a revision runs (it can
   * only change outside a transaction), and the revision commits only if every reference holds.
   *
   * @return whether enforcement was on before
   */
  private static boolean sqliteForeignKeys(Connection connection, boolean enabled) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      boolean wasEnabled;
      try (ResultSet rows = statement.executeQuery("pragma foreign_keys")) {
        wasEnabled = rows.next() && rows.getInt(1) == 1;
      }
      statement.execute("pragma foreign_keys = " + (enabled ? "on" : "off"));
      return wasEnabled;
    }
  }

  private static void requireNoForeignKeyViolations(Connection connection, MigrationScript script) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet violations = statement.executeQuery("pragma foreign_key_check")) {
      if (violations.next()) {
        throw new UserError("migration " + script.label() + " leaves rows of " + violations.getString(1)
            + " referencing missing rows of " + violations.getString(3) + "; nothing of it was applied");
      }
    }
  }

  private static Schema applyOrExplain(Operation operation, Schema schema, MigrationScript script) {
    try {
      return operation.applyTo(schema);
    } catch (IllegalArgumentException e) {
      throw new UserError("migration " + script.origin() + ": cannot " + operation.describe() + ": " + e.getMessage(), e);
    }
  }

  static DatabaseKind kindOf(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    for (DatabaseKind kind : DatabaseKind.values()) {
      if (kind.productName().equalsIgnoreCase(product)) {
        return kind;
      }
    }
    throw new UserError("unsupported database " + product + ": Autogenerate supports PostgreSQL and SQLite");
  }
}
