package dev.autogenerate.database.sqlite;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema read from SQLite, its names spelled as another spelling of the same names spells
 * them. SQLite finds a name whatever the case of its ASCII letters; the inspector reads what a
 * statement wrote without quotes folded ({@link SqliteNames}), but a name SQLite quoted itself
 * ({@code alter table Memo rename to Note} keeps {@code "Note"}) or one a hand-written migration
 * spells otherwise ({@code op.alterColumn("Foo", "Bar", ...)} on a table its raw SQL created
 * unquoted) is still one name to SQLite in two spellings. Compared or looked up as spelled, such a
 * table was "missing": the comparison wanted it created beside itself (which SQLite refuses), a
 * migration failed on a table that is there. Taking the other side's spelling, nothing is missing,
 * and the statements name it as the migration does, which SQLite finds.
 *
 * <p>A name is re-spelled only where the schema lacks it exactly and holds exactly one name SQLite
 * takes for it; names two spellings of which the reference holds (quoted {@code "Note"} beside
 * {@code note}, two tables on PostgreSQL) are left as they are.
 */
final class SqliteSpelling {

  private SqliteSpelling() {}

  /**
   * The schema with its tables and columns spelled as the reference (the entities) spells them,
   * all renamed in one pass: a database whose every name is quoted in another case (as tools
   * quoting PascalCase names make them) re-spells thousands of names.
   */
  static Schema as(Schema schema, Schema reference) {
    Map<String, List<String>> tablesByFolded = byFolded(schema.tables().keySet());
    Map<String, List<String>> referenceByFolded = byFolded(reference.tables().keySet());
    Map<String, String> tableNames = new HashMap<>();
    for (String wanted : reference.tables().keySet()) {
      if (schema.hasTable(wanted)) {
        continue;
      }
      String folded = SqliteNames.asciiLowerCase(wanted);
      List<String> found = tablesByFolded.getOrDefault(folded, List.of());
      if (found.size() == 1 && referenceByFolded.get(folded).size() == 1 && !reference.hasTable(found.get(0))) {
        tableNames.put(found.get(0), wanted);
      }
    }
    Map<String, Map<String, String>> columnNames = new HashMap<>();
    for (Table table : schema.tables().values()) {
      Table wanted = reference.tables().get(tableNames.getOrDefault(table.name(), table.name()));
      if (wanted == null) {
        continue;
      }
      if (spelledAlike(table, wanted)) {
        continue;
      }
      Map<String, List<String>> wantedByFolded = byFolded(wanted.columns().stream().map(Column::name).toList());
      for (Column column : table.columns()) {
        List<String> candidates = wantedByFolded.getOrDefault(SqliteNames.asciiLowerCase(column.name()), List.of());
        // SQLite holds no two columns of one table alike but for case: one candidate, not this name, is the one.
        if (candidates.size() == 1 && !candidates.get(0).equals(column.name())) {
          columnNames.computeIfAbsent(table.name(), name -> new HashMap<>()).put(column.name(), candidates.get(0));
        }
      }
    }
    return tableNames.isEmpty() && columnNames.isEmpty() ? schema : schema.withNamesChanged(tableNames, columnNames);
  }

  /** Whether every column of the table is one the wanted table has, as spelled: mostly in the same place. */
  private static boolean spelledAlike(Table table, Table wanted) {
    List<Column> columns = table.columns();
    List<Column> wantedColumns = wanted.columns();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i).name();
      if (!(i < wantedColumns.size() && wantedColumns.get(i).name().equals(name)) && wanted.column(name).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<String>> byFolded(Collection<String> names) {
    Map<String, List<String>> grouped = new HashMap<>();
    for (String name : names) {
      grouped.computeIfAbsent(SqliteNames.asciiLowerCase(name), folded -> new ArrayList<>(1)).add(name);
    }
    return grouped;
  }

  /**
   * The schema with the tables, columns, indexes and constraints these operations look up spelled
   * as the operations spell them, so that applying them finds what SQLite would find.
   */
  static Schema forOperations(Schema schema, List<Operation> operations) {
    Schema spelled = schema;
    for (Operation operation : operations) {
      for (String table : operation.namesUsed()) {
        // Only what it looks up: a name it creates is its own (create table "Note" beside a note
        // is for SQLite to refuse, not for the model to take as note).
        if (!createdBy(operation, table)) {
          spelled = table(spelled, table);
        }
      }
      if (operation instanceof AlterColumn alter) {
        spelled = column(spelled, alter.table(), alter.column());
      } else if (operation instanceof DropColumn drop) {
        spelled = column(spelled, drop.table(), drop.column());
      } else if (operation instanceof RenameColumn rename) {
        spelled = column(spelled, rename.table(), rename.from());
      } else if (operation instanceof CreateIndex create) {
        spelled = columns(spelled, create.table(), create.index().columnNames());
      } else if (operation instanceof CreateIndexConcurrently create) {
        spelled = columns(spelled, create.table(), create.index().columnNames());
      } else if (operation instanceof AddConstraint add) {
        spelled = constrained(spelled, add.table(), add.constraint());
      } else if (operation instanceof AddConstraintNotValid add) {
        spelled = constrained(spelled, add.table(), add.constraint());
      } else if (operation instanceof AddUniqueUsingIndex add) {
        spelled = constrained(spelled, add.table(), add.constraint());
      } else if (operation instanceof DropIndex drop) {
        spelled = index(spelled, drop.table(), drop.name());
      } else if (operation instanceof DropConstraint drop) {
        spelled = constraint(spelled, drop.table(), drop.name());
      } else if (operation instanceof ValidateConstraint validate) {
        spelled = constraint(spelled, validate.table(), validate.name());
      }
    }
    return spelled;
  }

  private static boolean createdBy(Operation operation, String name) {
    return (operation instanceof CreateTable || operation instanceof CreateView) && name.equals(operation.subject())
        || operation instanceof RenameTable rename && name.equals(rename.to());
  }

  private static Schema constrained(Schema schema, String table, TableConstraint constraint) {
    Schema spelled = columns(schema, table, constraint.columns());
    if (constraint instanceof ForeignKey key) {
      spelled = columns(spelled, key.referencedTable(), key.referencedColumns());
    }
    return spelled;
  }

  private static Schema columns(Schema schema, String table, List<String> columns) {
    Schema spelled = schema;
    for (String column : columns) {
      spelled = column(spelled, table, column);
    }
    return spelled;
  }

  private static Schema table(Schema schema, String wanted) {
    if (schema.hasTable(wanted)) {
      return schema;
    }
    String found = onlySame(schema.tables().keySet(), wanted);
    return found == null ? schema : schema.withTableRenamed(found, wanted);
  }

  private static Schema column(Schema schema, String table, String wanted) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty() || owner.get().column(wanted).isPresent()) {
      return schema;
    }
    String found = onlySame(owner.get().columns().stream().map(Column::name).toList(), wanted);
    return found == null ? schema : schema.withColumnRenamed(table, found, wanted);
  }

  private static Schema index(Schema schema, String table, String wanted) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty() || owner.get().index(wanted).isPresent()) {
      return schema;
    }
    String found = onlySame(owner.get().indexes().stream().map(Index::name).toList(), wanted);
    if (found == null) {
      return schema;
    }
    Index index = owner.get().index(found).orElseThrow();
    return schema.withTable(owner.get().withoutIndex(found)
        .withIndex(new Index(wanted, index.columns(), index.unique(), index.definition())));
  }

  private static Schema constraint(Schema schema, String table, String wanted) {
    Optional<Table> owner = schema.table(table);
    if (owner.isEmpty() || owner.get().constraint(wanted).isPresent()) {
      return schema;
    }
    List<String> names = owner.get().constraints().stream().map(TableConstraint::name)
        .filter(name -> name != null).toList();
    String found = onlySame(names, wanted);
    if (found == null) {
      return schema;
    }
    TableConstraint constraint = owner.get().constraint(found).orElseThrow();
    return schema.withTable(owner.get().withoutConstraint(found).withConstraint(named(constraint, wanted)));
  }

  private static TableConstraint named(TableConstraint constraint, String name) {
    if (constraint instanceof PrimaryKey key) {
      return new PrimaryKey(name, key.columns());
    }
    if (constraint instanceof UniqueConstraint unique) {
      return new UniqueConstraint(name, unique.columns());
    }
    if (constraint instanceof ForeignKey key) {
      return new ForeignKey(name, key.columns(), key.referencedTable(), key.referencedColumns(), key.onDelete(),
          key.onUpdate());
    }
    CheckConstraint check = (CheckConstraint) constraint;
    return new CheckConstraint(name, check.expression());
  }

  /** The one name SQLite takes for {@code wanted}, or null when there is none or more than one. */
  private static String onlySame(Collection<String> names, String wanted) {
    String found = null;
    for (String name : names) {
      if (SqliteNames.same(name, wanted)) {
        if (found != null) {
          return null;
        }
        found = name;
      }
    }
    return found;
  }

}
