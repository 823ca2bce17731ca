package dev.autogenerate.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.TableElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Renders operations as the Java a person would write against {@code Operations}: {@code
 * op.addColumn("users", column("age", INTEGER))}. Every factory and constant is referenced through
 * a static import, and the renderer remembers which ones it used so that the file imports exactly
 * those.
 *
 * <p>Each expression is checked by evaluating the factory it names and comparing the result with
 * the value being rendered, so the generated code records exactly the operations it was made from;
 * a value no factory produces is refused with an {@link IllegalArgumentException}.
 */
final class OperationRenderer {

  static final ClassName COLUMN = ClassName.get(Column.class);
  static final ClassName PRIMARY_KEY = ClassName.get(PrimaryKey.class);
  static final ClassName SQL_TYPE = ClassName.get(SqlType.class);
  static final ClassName COLUMN_CHANGE = ClassName.get(ColumnChange.class);

  /** The name of the {@code Operations} parameter of {@code upgrade} and {@code downgrade}. */
  static final String OPS = "op";

  /** Used static members, by class; sorted so that nothing depends on rendering order. */
  private final Map<ClassName, SortedSet<String>> staticImports = new TreeMap<>(
      (a, b) -> a.canonicalName().compareTo(b.canonicalName()));

  /** The statement for an operation, without the trailing semicolon. */
  CodeBlock statement(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    if (operation instanceof CreateTable createTable) {
      return createTable(createTable);
    } else if (operation instanceof DropTable dropTable) {
      return CodeBlock.of("$L.dropTable($S)", OPS, dropTable.table());
    } else if (operation instanceof AddColumn addColumn) {
      return CodeBlock.of("$L.addColumn($S, $L)", OPS, addColumn.table(), column(addColumn.column()));
    } else if (operation instanceof DropColumn dropColumn) {
      return CodeBlock.of("$L.dropColumn($S, $S)", OPS, dropColumn.table(), dropColumn.column());
    } else if (operation instanceof AlterColumn alterColumn) {
      return alterColumn(alterColumn);
    } else if (operation instanceof ExecuteSql executeSql) {
      return CodeBlock.of("$L.execute($L)", OPS, stringLiteral(executeSql.sql()));
    }
    throw new IllegalArgumentException("cannot render operation " + operation);
  }

  /**
   * A string literal; text with line breaks becomes one literal per line, concatenated with a
   * leading {@code +} on each continuation line, as a person would format a multi-line SQL string.
   * The continuation lines are indented by the statement or annotation member that holds them.
   */
  static CodeBlock stringLiteral(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      pieces.add(text.substring(start, newline + 1));
      start = newline + 1;
    }
    if (start < text.length() || pieces.isEmpty()) {
      pieces.add(text.substring(start));
    }
    CodeBlock.Builder literal = CodeBlock.builder().add("$S", pieces.get(0));
    for (String piece : pieces.subList(1, pieces.size())) {
      literal.add("\n+ $S", piece);
    }
    return literal.build();
  }

  /** One element per line, continuation-indented, so that a table reads like its DDL. */
  private CodeBlock createTable(CreateTable createTable) {
    CodeBlock.Builder code = CodeBlock.builder().add("$L.createTable($S", OPS, createTable.table().name());
    for (TableElement element : createTable.table().elements()) {
      code.add(",\n$L", tableElement(element));
    }
    return code.add(")").build();
  }

  private CodeBlock alterColumn(AlterColumn alterColumn) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$L.alterColumn($S, $S", OPS, alterColumn.table(), alterColumn.column());
    for (ColumnChange change : alterColumn.changes()) {
      code.add(", $L", columnChange(change));
    }
    return code.add(")").build();
  }

  CodeBlock tableElement(TableElement element) {
    if (element instanceof Column column) {
      return column(column);
    } else if (element instanceof PrimaryKey primaryKey) {
      return primaryKey(primaryKey);
    }
    throw new IllegalArgumentException("cannot render table element " + element);
  }

  /**
   * {@code column("email", varchar(255)).notNull()}; an identity column is rendered {@code
   * .generatedAsIdentity()} alone, which implies not null.
   */
  CodeBlock column(Column column) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add(staticMember(COLUMN, "column", "($S, $L)", column.name(), sqlType(column.type())));
    Column rendered = Column.column(column.name(), column.type());
    if (column.identity()) {
      code.add(".generatedAsIdentity()");
      rendered = rendered.generatedAsIdentity();
    } else if (!column.nullable()) {
      code.add(".notNull()");
      rendered = rendered.notNull();
    }
    if (!rendered.equals(column)) {
      throw new IllegalArgumentException("column " + column.name() + " is "
          + (column.identity() ? "an identity column" : "a column")
          + (column.nullable() ? " that allows null" : " that is not null")
          + ", which no combination of column(), notNull() and generatedAsIdentity() produces");
    }
    return code.build();
  }

  /**
   * {@code primaryKey("tenant_id", "id")}. The constraint's name, when the database reported one,
   * is left out: the database chooses it again, and names of keys are never compared.
   */
  CodeBlock primaryKey(PrimaryKey primaryKey) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (String column : primaryKey.columns()) {
      arguments.add(arguments.isEmpty() ? "$S" : ", $S", column);
    }
    return staticMember(PRIMARY_KEY, "primaryKey", "($L)", arguments.build());
  }

  CodeBlock columnChange(ColumnChange change) {
    if (change instanceof ColumnChange.SetType setType) {
      return staticMember(COLUMN_CHANGE, "type", "($L)", sqlType(setType.type()));
    } else if (change instanceof ColumnChange.SetNullable setNullable) {
      return staticMember(COLUMN_CHANGE, setNullable.nullable() ? "dropNotNull" : "setNotNull", "()");
    }
    throw new IllegalArgumentException("cannot render column change " + change);
  }

  /**
   * A type as its {@link SqlType} constant ({@code INTEGER}) or factory ({@code varchar(255)},
   * {@code numeric(10, 2)}, {@code timestampTz(3)}, {@code sqlType("tsvector")}).
   *
   * @throws IllegalArgumentException when no constant or factory of {@link SqlType} yields the type
   */
  CodeBlock sqlType(SqlType type) {
    Objects.requireNonNull(type, "type");
    Integer length = type.length();
    Integer precision = type.precision();
    Integer scale = type.scale();
    List<Candidate> candidates = new ArrayList<>();
    switch (type.kind()) {
      case RAW:
        candidates.add(new Candidate("sqlType", "($S)", List.of(type.rawName()),
            () -> SqlType.sqlType(type.rawName())));
        break;
      case VARCHAR:
        if (length != null) {
          candidates.add(new Candidate("varchar", "($L)", List.of(length), () -> SqlType.varchar(length)));
        }
        break;
      case CHAR:
        if (length != null) {
          candidates.add(new Candidate("character", "($L)", List.of(length), () -> SqlType.character(length)));
        }
        break;
      case BINARY:
        if (length != null) {
          candidates.add(new Candidate("binary", "($L)", List.of(length), () -> SqlType.binary(length)));
        }
        break;
      case NUMERIC:
        if (precision != null && scale != null) {
          candidates.add(new Candidate("numeric", "($L, $L)", List.of(precision, scale),
              () -> SqlType.numeric(precision, scale)));
        } else if (precision != null) {
          candidates.add(new Candidate("numeric", "($L)", List.of(precision), () -> SqlType.numeric(precision)));
        }
        break;
      case TIME:
        if (precision != null) {
          candidates.add(new Candidate("time", "($L)", List.of(precision), () -> SqlType.time(precision)));
        }
        break;
      case TIME_TZ:
        if (precision != null) {
          candidates.add(new Candidate("timeTz", "($L)", List.of(precision), () -> SqlType.timeTz(precision)));
        }
        break;
      case TIMESTAMP:
        if (precision != null) {
          candidates.add(new Candidate("timestamp", "($L)", List.of(precision),
              () -> SqlType.timestamp(precision)));
        }
        break;
      case TIMESTAMP_TZ:
        if (precision != null) {
          candidates.add(new Candidate("timestampTz", "($L)", List.of(precision),
              () -> SqlType.timestampTz(precision)));
        }
        break;
      default:
        break;
    }
    if (type.kind() != SqlType.Kind.RAW) {
      String constant = type.kind().name();
      SqlType constantValue = constantValue(constant);
      if (constantValue != null) {
        candidates.add(new Candidate(constant, "", List.of(), () -> constantValue));
      }
    }
    for (Candidate candidate : candidates) {
      if (candidate.value().get().equals(type)) {
        return staticMember(SQL_TYPE, candidate.member(), candidate.format(), candidate.arguments().toArray());
      }
    }
    throw new IllegalArgumentException("no constant or factory of SqlType yields the type " + type
        + " (kind " + type.kind() + ", length " + length + ", precision " + precision
        + ", scale " + scale + ")");
  }

  /** The public constant of {@link SqlType} with the given name, or null when there is none. */
  private static SqlType constantValue(String name) {
    try {
      Field field = SqlType.class.getField(name);
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == SqlType.class) {
        return (SqlType) field.get(null);
      }
      return null;
    } catch (NoSuchFieldException | IllegalAccessException e) {
      return null;
    }
  }

  /**
   * A reference to a static member that JavaPoet emits as the bare name, given that the member is
   * statically imported. The member must be written into the format string itself (not passed as
   * an argument) for JavaPoet to recognize it.
   */
  private CodeBlock staticMember(ClassName owner, String member, String suffixFormat, Object... arguments) {
    staticImports.computeIfAbsent(owner, ignored -> new TreeSet<>()).add(member);
    Object[] all = new Object[arguments.length + 1];
    all[0] = owner;
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return CodeBlock.of("$T." + member + suffixFormat, all);
  }

  /** Adds a static import for each member rendered so far, and for nothing else. */
  void addStaticImportsTo(JavaFile.Builder file) {
    staticImports.forEach((owner, members) -> file.addStaticImport(owner, members.toArray(new String[0])));
  }

  /** The static members rendered so far, as {@code dev.autogenerate.schema.SqlType.BIGINT}. */
  SortedSet<String> usedStaticImports() {
    SortedSet<String> used = new TreeSet<>();
    staticImports.forEach((owner, members) ->
        members.forEach(member -> used.add(owner.canonicalName() + "." + member)));
    return used;
  }

  private record Candidate(String member, String format, List<Object> arguments, Supplier<SqlType> value) {}
}
