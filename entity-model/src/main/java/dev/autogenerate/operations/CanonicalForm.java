package dev.autogenerate.operations;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The text a revision's operations are checksummed over ({@link OperationChecksum}): version 1 of
 * the canonical form.
 *
 * <p>Why not {@code toString()}: a record's {@code toString()} follows its component names and
 * order, so renaming a component, reordering it, or overriding {@code toString()} in a release
 * would change the checksum of every revision, and every database migrated before would look as if
 * its migrations had been edited. This form spells every field out by hand, under labels written
 * here, in an order fixed here; refactoring the records does not change it. Adding a field that
 * can make two operations differ does: then the form must spell it too, and since that changes
 * checksums, it is a new version (a new header, a new {@link OperationChecksum} prefix), while
 * checksums recorded under older versions stay readable.
 *
 * <p>The text is a header line, {@value #HEADER}, then one line per operation, each ending in
 * {@code \n}. A line reads {@code tag(label=value, ...)}, nesting the same way for tables,
 * columns, types, constraints, indexes, sequences and enum types. Values are spelled so that two
 * different operations never share a line:
 *
 * <ul>
 *   <li>strings in double quotes, with {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}
 *       escaped, and other control characters, line separators and unpaired surrogates as
 *       {@code \}{@code uXXXX} (lowercase hex), so a line never breaks and quoting never ends early;
 *       any other character stands as it is (the text is hashed as UTF-8)
 *   <li>an absent value as a bare {@code null}, which no quoted string can be (the string
 *       {@code "null"} keeps its quotes)
 *   <li>numbers in decimal, booleans as {@code true}/{@code false}, lists as {@code [a, b]}
 *   <li>enum values (type kinds, referential actions) through a spelling chosen here, never
 *       through the Java constant's name
 * </ul>
 *
 * <p>Every field is written, absent or not, in the order given here, so the form never depends on
 * which fields happen to be set. *
 * <p>A new kind of operation gets a new tag ({@code rename-table}, {@code rename-column}) within
 * version 1: no revision recorded before could hold it, so no recorded checksum changes.
 */
public final class CanonicalForm {

  /** The first line of the text: names the form and its version. */
  public static final String HEADER = "autogenerate-operations v1";

  private static final Lines LINES = new Lines();

  private CanonicalForm() {}

  /** The header line, then one line per operation, in order; each line ends in {@code \n}. */
  public static String of(List<Operation> operations) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Operation operation : operations) {
      text.append(line(operation)).append('\n');
    }
    return text.toString();
  }

  /** One operation's line, without the line break. */
  public static String line(Operation operation) {
    return operation.accept(LINES);
  }

  /** One method per operation, so that a new operation without a canonical form does not compile. */
  private static final class Lines implements OperationVisitor<String> {

    @Override
    public String createTable(CreateTable operation) {
      return node("create-table", field("table", table(operation.table())));
    }

    @Override
    public String dropTable(DropTable operation) {
      return node("drop-table", field("table", quote(operation.table())));
    }

    @Override
    public String renameTable(RenameTable operation) {
      return node("rename-table", field("from", quote(operation.from())), field("to", quote(operation.to())));
    }

    @Override
    public String addColumn(AddColumn operation) {
      return node("add-column", field("table", quote(operation.table())), field("column", column(operation.column())));
    }

    @Override
    public String dropColumn(DropColumn operation) {
      return node("drop-column", field("table", quote(operation.table())), field("column", quote(operation.column())));
    }

    @Override
    public String alterColumn(AlterColumn operation) {
      // The record keeps its changes in a fixed order, so equal alterations give equal lines.
      return node("alter-column", field("table", quote(operation.table())),
          field("column", quote(operation.column())),
          field("changes", list(operation.changes(), CanonicalForm::columnChange)));
    }

    @Override
    public String renameColumn(RenameColumn operation) {
      return node("rename-column", field("table", quote(operation.table())), field("from", quote(operation.from())),
          field("to", quote(operation.to())));
    }

    @Override
    public String setTableComment(SetTableComment operation) {
      return node("set-table-comment", field("table", quote(operation.table())),
          field("comment", quote(operation.comment())));
    }

    @Override
    public String addConstraint(AddConstraint operation) {
      return node("add-constraint", field("table", quote(operation.table())),
          field("constraint", constraint(operation.constraint())));
    }

    @Override
    public String addConstraintNotValid(AddConstraintNotValid operation) {
      return node("add-constraint-not-valid", field("table", quote(operation.table())),
          field("constraint", constraint(operation.constraint())));
    }

    @Override
    public String addUniqueUsingIndex(AddUniqueUsingIndex operation) {
      return node("add-unique-using-index", field("table", quote(operation.table())),
          field("constraint", constraint(operation.constraint())));
    }

    @Override
    public String validateConstraint(ValidateConstraint operation) {
      return node("validate-constraint", field("table", quote(operation.table())), field("name", quote(operation.name())));
    }

    @Override
    public String lockTimeout(LockTimeout operation) {
      return node("lock-timeout", field("millis", String.valueOf(operation.timeout().toMillis())));
    }

    @Override
    public String leaveToDatabase(LeaveToDatabase operation) {
      return node("leave-to-database", field("table", quote(operation.table())),
          field("kind", operation.kind().name()), field("name", operation.name() == null ? "null" : quote(operation.name())));
    }

    @Override
    public String dropConstraint(DropConstraint operation) {
      return node("drop-constraint", field("table", quote(operation.table())), field("name", quote(operation.name())));
    }

    @Override
    public String createIndex(CreateIndex operation) {
      return node("create-index", field("table", quote(operation.table())), field("index", index(operation.index())));
    }

    @Override
    public String createIndexConcurrently(CreateIndexConcurrently operation) {
      return node("create-index-concurrently", field("table", quote(operation.table())),
          field("index", index(operation.index())));
    }

    @Override
    public String dropIndex(DropIndex operation) {
      return node("drop-index", field("table", quote(operation.table())), field("name", quote(operation.name())));
    }

    @Override
    public String createSequence(CreateSequence operation) {
      return node("create-sequence", field("sequence", sequence(operation.sequence())));
    }

    @Override
    public String dropSequence(DropSequence operation) {
      return node("drop-sequence", field("name", quote(operation.name())));
    }

    @Override
    public String alterSequence(AlterSequence operation) {
      return node("alter-sequence", field("name", quote(operation.name())),
          field("increment-by", Long.toString(operation.incrementBy())));
    }

    @Override
    public String renameSequence(RenameSequence operation) {
      return node("rename-sequence", field("from", quote(operation.from())), field("to", quote(operation.to())));
    }

    @Override
    public String advanceSequence(AdvanceSequence operation) {
      return node("advance-sequence", field("sequence", quote(operation.sequence())),
          field("table", quote(operation.table())), field("column", quote(operation.column())),
          field("allocation-size", Long.toString(operation.allocationSize())));
    }

    @Override
    public String createEnumType(CreateEnumType operation) {
      return node("create-enum-type", field("enum-type", enumType(operation.enumType())));
    }

    @Override
    public String dropEnumType(DropEnumType operation) {
      return node("drop-enum-type", field("name", quote(operation.name())));
    }

    @Override
    public String alterEnumType(AlterEnumType operation) {
      return node("alter-enum-type", field("name", quote(operation.name())),
          field("values", list(operation.values(), CanonicalForm::quote)));
    }

    @Override
    public String createView(CreateView operation) {
      return node("create-view", field("name", quote(operation.name())),
          field("definition", quote(operation.definition())));
    }

    @Override
    public String dropView(DropView operation) {
      // A plain view's node is as it always was: the checksums of applied revisions stay the same.
      return node(operation.materialized() ? "drop-materialized-view" : "drop-view", field("name", quote(operation.name())));
    }

    @Override
    public String executeSql(ExecuteSql operation) {
      return node("execute-sql", field("sql", quote(operation.sql())));
    }
  }

  // Tables carry their indexes and comment here too, although create table takes neither today:
  // should it ever take them, they already count.
  private static String table(Table table) {
    return node("table",
        field("name", quote(table.name())),
        field("columns", list(table.columns(), CanonicalForm::column)),
        field("primary-key", table.primaryKey().map(CanonicalForm::primaryKey).orElse("null")),
        field("uniques", list(table.uniqueConstraints(), CanonicalForm::unique)),
        field("foreign-keys", list(table.foreignKeys(), CanonicalForm::foreignKey)),
        field("checks", list(table.checks(), CanonicalForm::check)),
        field("indexes", list(table.indexes(), CanonicalForm::index)),
        field("comment", quote(table.comment())));
  }

  private static String column(Column column) {
    return node("column",
        field("name", quote(column.name())),
        field("type", type(column.type())),
        field("nullable", bool(column.nullable())),
        field("identity", bool(column.identity())),
        field("default", quote(column.defaultSql())),
        field("comment", quote(column.comment())));
  }

  private static String type(SqlType type) {
    return node("type",
        field("kind", kind(type.kind())),
        field("length", number(type.length())),
        field("precision", number(type.precision())),
        field("scale", number(type.scale())),
        field("raw-name", quote(type.rawName())));
  }

  // A switch without default: a new kind is a compile error here until it has a spelling.
  private static String kind(SqlType.Kind kind) {
    return switch (kind) {
      case BOOLEAN -> "boolean";
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case REAL -> "real";
      case DOUBLE -> "double";
      case NUMERIC -> "numeric";
      case CHAR -> "char";
      case VARCHAR -> "varchar";
      case TEXT -> "text";
      case DATE -> "date";
      case TIME -> "time";
      case TIME_TZ -> "time-tz";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMP_TZ -> "timestamp-tz";
      case UUID -> "uuid";
      case BINARY -> "binary";
      case JSON -> "json";
      case RAW -> "raw";
    };
  }

  private static String constraint(TableConstraint constraint) {
    if (constraint instanceof PrimaryKey key) {
      return primaryKey(key);
    }
    if (constraint instanceof UniqueConstraint unique) {
      return unique(unique);
    }
    if (constraint instanceof ForeignKey key) {
      return foreignKey(key);
    }
    if (constraint instanceof CheckConstraint check) {
      return check(check);
    }
    // TableConstraint is sealed; a new kind must get its own spelling, never a fallback.
    throw new IllegalStateException("no canonical form for " + constraint.getClass().getName());
  }

  private static String primaryKey(PrimaryKey key) {
    return node("primary-key", field("name", quote(key.name())),
        field("columns", list(key.columns(), CanonicalForm::quote)));
  }

  private static String unique(UniqueConstraint unique) {
    return node("unique", field("name", quote(unique.name())),
        field("columns", list(unique.columns(), CanonicalForm::quote)));
  }

  private static String foreignKey(ForeignKey key) {
    return node("foreign-key",
        field("name", quote(key.name())),
        field("columns", list(key.columns(), CanonicalForm::quote)),
        field("references", quote(key.referencedTable())),
        field("referenced-columns", list(key.referencedColumns(), CanonicalForm::quote)),
        field("on-delete", action(key.onDelete())),
        field("on-update", action(key.onUpdate())));
  }

  private static String action(ReferentialAction action) {
    return switch (action) {
      case NO_ACTION -> "no-action";
      case RESTRICT -> "restrict";
      case CASCADE -> "cascade";
      case SET_NULL -> "set-null";
      case SET_DEFAULT -> "set-default";
    };
  }

  private static String check(CheckConstraint check) {
    return node("check", field("name", quote(check.name())), field("expression", quote(check.expression())));
  }

  private static String index(Index index) {
    return node("index",
        field("name", quote(index.name())),
        field("unique", bool(index.unique())),
        field("columns", list(index.columns(), CanonicalForm::indexColumn)),
        field("definition", quote(index.definition())));
  }

  private static String indexColumn(IndexColumn column) {
    return node("index-column", field("name", quote(column.name())), field("descending", bool(column.descending())));
  }

  private static String sequence(Sequence sequence) {
    return node("sequence",
        field("name", quote(sequence.name())),
        field("start", Long.toString(sequence.startWith())),
        field("increment", Long.toString(sequence.incrementBy())));
  }

  private static String enumType(EnumType enumType) {
    return node("enum-type", field("name", quote(enumType.name())),
        field("values", list(enumType.values(), CanonicalForm::quote)));
  }

  private static String columnChange(ColumnChange change) {
    if (change instanceof ColumnChange.SetType setType) {
      return node("set-type", field("type", type(setType.type())));
    }
    if (change instanceof ColumnChange.SetNullable setNullable) {
      return node("set-nullable", field("nullable", bool(setNullable.nullable())));
    }
    if (change instanceof ColumnChange.SetIdentity setIdentity) {
      return node("set-identity", field("identity", bool(setIdentity.identity())));
    }
    if (change instanceof ColumnChange.SetDefault setDefault) {
      return node("set-default", field("default", quote(setDefault.sql())));
    }
    if (change instanceof ColumnChange.SetComment setComment) {
      return node("set-comment", field("comment", quote(setComment.comment())));
    }
    // ColumnChange is sealed; a new kind must get its own spelling, never a fallback.
    throw new IllegalStateException("no canonical form for " + change.getClass().getName());
  }

  private static String node(String tag, String... fields) {
    return tag + "(" + String.join(", ", fields) + ")";
  }

  private static String field(String label, String value) {
    return label + "=" + value;
  }

  private static <T> String list(List<T> items, Function<T, String> spelling) {
    return items.stream().map(spelling).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String bool(boolean value) {
    return value ? "true" : "false";
  }

  private static String number(Integer value) {
    return value == null ? "null" : Integer.toString(value);
  }

  /** A string in double quotes, escaped so it stays on one line and ends only at its closing quote. */
  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            // A whole supplementary character (an emoji, say): UTF-8 encodes it as it is.
            quoted.append(c).append(text.charAt(++i));
          } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
            // Controls and line separators would break the line; an unpaired surrogate would
            // become '?' in UTF-8 and so collide with a real '?'.
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
