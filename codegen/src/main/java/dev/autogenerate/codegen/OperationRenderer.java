package dev.autogenerate.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import dev.autogenerate.migration.Operations;
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
import dev.autogenerate.operations.OperationVisitor;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.operations.ValidateConstraint;
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
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.schema.UniqueConstraint;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Renders operations as the Java a person would write against {@code Operations}: {@code
 * op.addColumn("users", column("age", INTEGER))}. Every factory and constant is referenced through
 * a static import, and the renderer remembers which ones it used so that the file imports exactly
 * those.
 *
 * <p>Every expression is built together with the value it evaluates to: the renderer calls the
 * very factories and builder methods it writes ({@code column(...).notNull().comment(...)}), then
 * replays the statement against a fresh {@link Operations} and compares what it records with the
 * operation being rendered. So the generated code records exactly the operations it was made
 * from; a value no factory produces is refused with an {@link IllegalArgumentException}.
 *
 * <p>Layout: a {@code createTable} lists one element per line; long argument lists (enum values,
 * column changes, foreign-key arguments) and long builder chains wrap at 100 columns, with the
 * continuation indented. Multi-line text that ends a statement (the SQL of {@code execute}, a
 * table comment, a verbatim index definition) becomes one string literal per line joined by a
 * leading {@code +}; text inside an expression (defaults, column comments, check expressions)
 * stays one literal with {@code \n} escapes, so the expression keeps its shape.
 */
final class OperationRenderer implements OperationVisitor<OperationRenderer.Call> {

  static final ClassName COLUMN = ClassName.get(Column.class);
  static final ClassName PRIMARY_KEY = ClassName.get(PrimaryKey.class);
  static final ClassName UNIQUE_CONSTRAINT = ClassName.get(UniqueConstraint.class);
  static final ClassName FOREIGN_KEY = ClassName.get(ForeignKey.class);
  static final ClassName CHECK_CONSTRAINT = ClassName.get(CheckConstraint.class);
  static final ClassName REFERENTIAL_ACTION = ClassName.get(ReferentialAction.class);
  static final ClassName INDEX = ClassName.get(Index.class);
  static final ClassName INDEX_COLUMN = ClassName.get(IndexColumn.class);
  static final ClassName SEQUENCE = ClassName.get(Sequence.class);
  static final ClassName ENUM_TYPE = ClassName.get(EnumType.class);
  static final ClassName SQL_TYPE = ClassName.get(SqlType.class);
  static final ClassName COLUMN_CHANGE = ClassName.get(ColumnChange.class);
  static final ClassName LIST = ClassName.get(List.class);

  /** The name of the {@code Operations} parameter of {@code upgrade} and {@code downgrade}. */
  static final String OPS = "op";

  /** Used static members, by class; sorted so that nothing depends on rendering order. */
  private final Map<ClassName, SortedSet<String>> staticImports = new TreeMap<>(
      (a, b) -> a.canonicalName().compareTo(b.canonicalName()));

  /**
   * Code and the value it evaluates to, built side by side from the same factory calls.
   *
   * @param code the Java expression
   * @param value what evaluating {@code code} yields
   */
  record Expression<T>(CodeBlock code, T value) {}

  /** A statement, and what running it does to an {@link Operations}. */
  record Call(CodeBlock code, Consumer<Operations> replay) {}

  /**
   * The statement for an operation, without the trailing semicolon.
   *
   * @throws IllegalArgumentException when no code records exactly this operation
   */
  CodeBlock statement(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    Call call = operation.accept(this);
    Operations replay = new Operations();
    call.replay().accept(replay);
    List<Operation> recorded = replay.recorded();
    if (!recorded.equals(List.of(operation))) {
      throw new IllegalArgumentException("cannot render " + operation + " exactly: the code would record "
          + recorded);
    }
    return call.code();
  }

  @Override
  public Call createTable(CreateTable operation) {
    return createTable(operation.table());
  }

  @Override
  public Call dropTable(DropTable operation) {
    String table = operation.table();
    return new Call(code("$L.dropTable($S)", OPS, table), op -> op.dropTable(table));
  }

  @Override
  public Call renameTable(RenameTable operation) {
    String from = operation.from();
    String to = operation.to();
    return new Call(code("$L.renameTable($S, $S)", OPS, from, to), op -> op.renameTable(from, to));
  }

  @Override
  public Call addColumn(AddColumn operation) {
    String table = operation.table();
    Expression<Column> column = column(operation.column());
    return new Call(code("$L.addColumn($S, $L)", OPS, table, column.code()),
        op -> op.addColumn(table, column.value()));
  }

  @Override
  public Call dropColumn(DropColumn operation) {
    String table = operation.table();
    String column = operation.column();
    return new Call(code("$L.dropColumn($S, $S)", OPS, table, column), op -> op.dropColumn(table, column));
  }

  @Override
  public Call renameColumn(RenameColumn operation) {
    String table = operation.table();
    String from = operation.from();
    String to = operation.to();
    return new Call(code("$L.renameColumn($S, $S, $S)", OPS, table, from, to), op -> op.renameColumn(table, from, to));
  }

  @Override
  public Call setTableComment(SetTableComment operation) {
    String table = operation.table();
    String comment = operation.comment();
    return new Call(code("$L.setTableComment($S, $L)", OPS, table, nullableLiteral(comment)),
        op -> op.setTableComment(table, comment));
  }

  @Override
  public Call addConstraint(AddConstraint operation) {
    String table = operation.table();
    Expression<TableConstraint> constraint = constraint(operation.constraint());
    return new Call(code("$L.addConstraint($S, $L)", OPS, table, constraint.code()),
        op -> op.addConstraint(table, constraint.value()));
  }

  @Override
  public Call addConstraintNotValid(AddConstraintNotValid operation) {
    String table = operation.table();
    Expression<TableConstraint> constraint = constraint(operation.constraint());
    return new Call(code("$L.addConstraintNotValid($S, $L)", OPS, table, constraint.code()),
        op -> op.addConstraintNotValid(table, constraint.value()));
  }

  @Override
  public Call addUniqueUsingIndex(AddUniqueUsingIndex operation) {
    String table = operation.table();
    Expression<TableConstraint> constraint = constraint(operation.constraint());
    return new Call(code("$L.addUniqueUsingIndex($S, $L)", OPS, table, constraint.code()),
        op -> op.addUniqueUsingIndex(table, (UniqueConstraint) constraint.value()));
  }

  @Override
  public Call validateConstraint(ValidateConstraint operation) {
    String table = operation.table();
    String name = operation.name();
    return new Call(code("$L.validateConstraint($S, $S)", OPS, table, name), op -> op.validateConstraint(table, name));
  }

  /** In whole seconds where it is whole seconds, as a person writes it. */
  @Override
  public Call lockTimeout(LockTimeout operation) {
    Duration timeout = operation.timeout();
    boolean seconds = timeout.toMillis() % 1000 == 0;
    return new Call(code("$L.lockTimeout($T.$L($L))", OPS, Duration.class, seconds ? "ofSeconds" : "ofMillis",
        seconds ? timeout.toSeconds() : timeout.toMillis()), op -> op.lockTimeout(timeout));
  }

  @Override
  public Call leaveToDatabase(LeaveToDatabase operation) {
    String table = operation.table();
    String name = operation.name();
    return switch (operation.kind()) {
      case INDEX -> new Call(code("$L.leaveIndexToDatabase($S, $S)", OPS, table, name),
          op -> op.leaveIndexToDatabase(table, name));
      case CONSTRAINT -> new Call(code("$L.leaveConstraintToDatabase($S, $S)", OPS, table, name),
          op -> op.leaveConstraintToDatabase(table, name));
      case DEFAULT -> new Call(code("$L.leaveDefaultToDatabase($S, $S)", OPS, table, name),
          op -> op.leaveDefaultToDatabase(table, name));
      case COMMENT -> name == null
          ? new Call(code("$L.leaveCommentToDatabase($S)", OPS, table), op -> op.leaveCommentToDatabase(table))
          : new Call(code("$L.leaveCommentToDatabase($S, $S)", OPS, table, name),
              op -> op.leaveCommentToDatabase(table, name));
    };
  }

  @Override
  public Call dropConstraint(DropConstraint operation) {
    String table = operation.table();
    String name = operation.name();
    return new Call(code("$L.dropConstraint($S, $S)", OPS, table, name), op -> op.dropConstraint(table, name));
  }

  @Override
  public Call createIndex(CreateIndex operation) {
    String table = operation.table();
    Expression<Index> index = index(operation.index());
    return new Call(code("$L.createIndex($S, $L)", OPS, table, index.code()),
        op -> op.createIndex(table, index.value()));
  }

  @Override
  public Call createIndexConcurrently(CreateIndexConcurrently operation) {
    String table = operation.table();
    Expression<Index> index = index(operation.index());
    return new Call(code("$L.createIndexConcurrently($S, $L)", OPS, table, index.code()),
        op -> op.createIndexConcurrently(table, index.value()));
  }

  @Override
  public Call dropIndex(DropIndex operation) {
    String table = operation.table();
    String name = operation.name();
    return new Call(code("$L.dropIndex($S, $S)", OPS, table, name), op -> op.dropIndex(table, name));
  }

  @Override
  public Call createSequence(CreateSequence operation) {
    Expression<Sequence> sequence = sequence(operation.sequence());
    return new Call(code("$L.createSequence($L)", OPS, sequence.code()), op -> op.createSequence(sequence.value()));
  }

  @Override
  public Call dropSequence(DropSequence operation) {
    String name = operation.name();
    return new Call(code("$L.dropSequence($S)", OPS, name), op -> op.dropSequence(name));
  }

  @Override
  public Call alterSequence(AlterSequence operation) {
    String name = operation.name();
    long incrementBy = operation.incrementBy();
    return new Call(code("$L.alterSequence($S, $L)", OPS, name, longLiteral(incrementBy)),
        op -> op.alterSequence(name, incrementBy));
  }

  @Override
  public Call renameSequence(RenameSequence operation) {
    String from = operation.from();
    String to = operation.to();
    return new Call(code("$L.renameSequence($S, $S)", OPS, from, to), op -> op.renameSequence(from, to));
  }

  @Override
  public Call advanceSequence(AdvanceSequence operation) {
    String sequence = operation.sequence();
    String table = operation.table();
    String column = operation.column();
    long allocationSize = operation.allocationSize();
    return new Call(
        code("$L.advanceSequence($S, $S, $S, $L)", OPS, sequence, table, column, longLiteral(allocationSize)),
        op -> op.advanceSequence(sequence, table, column, allocationSize));
  }

  @Override
  public Call createEnumType(CreateEnumType operation) {
    Expression<EnumType> enumType = enumType(operation.enumType());
    return new Call(code("$L.createEnumType($L)", OPS, enumType.code()), op -> op.createEnumType(enumType.value()));
  }

  @Override
  public Call dropEnumType(DropEnumType operation) {
    String name = operation.name();
    return new Call(code("$L.dropEnumType($S)", OPS, name), op -> op.dropEnumType(name));
  }

  @Override
  public Call alterEnumType(AlterEnumType operation) {
    String name = operation.name();
    String[] values = operation.values().toArray(new String[0]);
    return new Call(code("$L.alterEnumType($S,$W$L)", OPS, name, wrappingStrings(values)),
        op -> op.alterEnumType(name, values));
  }

  @Override
  public Call createView(CreateView operation) {
    String name = operation.name();
    String definition = operation.definition();
    return new Call(code("$L.createView($S,$W$L)", OPS, name, stringLiteral(definition)),
        op -> op.createView(name, definition));
  }

  @Override
  public Call dropView(DropView operation) {
    String name = operation.name();
    return operation.materialized()
        ? new Call(code("$L.dropMaterializedView($S)", OPS, name), op -> op.dropMaterializedView(name))
        : new Call(code("$L.dropView($S)", OPS, name), op -> op.dropView(name));
  }

  @Override
  public Call executeSql(ExecuteSql operation) {
    String sql = operation.sql();
    return new Call(code("$L.execute($L)", OPS, stringLiteral(sql)), op -> op.execute(sql));
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

  /**
   * A string literal on one line whatever the text: line breaks and other control characters are
   * escaped ({@code \n}, {@code \u0001}), as JavaPoet escapes them, but the literal is never split.
   */
  static CodeBlock inlineLiteral(String text) {
    StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\b':
          literal.append("\\b");
          break;
        case '\t':
          literal.append("\\t");
          break;
        case '\n':
          literal.append("\\n");
          break;
        case '\f':
          literal.append("\\f");
          break;
        case '\r':
          literal.append("\\r");
          break;
        case '"':
          literal.append("\\\"");
          break;
        case '\\':
          literal.append("\\\\");
          break;
        default:
          // Never a line terminator here: those have escapes of their own above.
          literal.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return CodeBlock.of("$L", literal.append('"').toString());
  }

  /** {@link #stringLiteral}, or {@code null}. */
  private static CodeBlock nullableLiteral(String text) {
    return text == null ? CodeBlock.of("null") : stringLiteral(text);
  }

  /**
   * A {@code long} argument: plain when it fits an {@code int} (which Java widens), else with the
   * {@code L} suffix.
   */
  static String longLiteral(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Long.toString(value) : value + "L";
  }

  /** {@code "a", "b"}: string literals separated by commas, with no wrapping. */
  private static CodeBlock strings(List<String> values) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String value : values) {
      code.add(code.isEmpty() ? "$L" : ", $L", inlineLiteral(value));
    }
    return code.build();
  }

  /** {@code "a", "b"}: string literals, wrapped where the line gets long. */
  private static CodeBlock wrappingStrings(String... values) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String value : values) {
      code.add(code.isEmpty() ? "$L" : ",$W$L", inlineLiteral(value));
    }
    return code.build();
  }

  /** One element per line, continuation-indented, so that a table reads like its DDL. */
  private Call createTable(Table table) {
    String name = table.name();
    CodeBlock.Builder code = CodeBlock.builder().add(code("$L.createTable($S", OPS, name));
    List<TableElement> elements = new ArrayList<>();
    for (TableElement element : table.elements()) {
      Expression<TableElement> rendered = tableElement(element);
      code.add(",\n$L", rendered.code());
      elements.add(rendered.value());
    }
    TableElement[] arguments = elements.toArray(new TableElement[0]);
    return new Call(code.add(")").build(), op -> op.createTable(name, arguments));
  }

  @Override
  public Call alterColumn(AlterColumn alterColumn) {
    String table = alterColumn.table();
    String column = alterColumn.column();
    CodeBlock.Builder code = CodeBlock.builder().add(code("$L.alterColumn($S, $S", OPS, table, column));
    List<ColumnChange> changes = new ArrayList<>();
    for (ColumnChange change : alterColumn.changes()) {
      Expression<ColumnChange> rendered = columnChange(change);
      code.add(",$W$L", rendered.code());
      changes.add(rendered.value());
    }
    ColumnChange[] arguments = changes.toArray(new ColumnChange[0]);
    return new Call(code.add(")").build(), op -> op.alterColumn(table, column, arguments));
  }

  /** A column or a constraint, as an item of a {@code createTable} list. */
  private Expression<TableElement> tableElement(TableElement element) {
    if (element instanceof Column column) {
      Expression<Column> rendered = column(column);
      return new Expression<>(rendered.code(), rendered.value());
    } else if (element instanceof TableConstraint constraint) {
      Expression<TableConstraint> rendered = constraint(constraint);
      return new Expression<>(rendered.code(), rendered.value());
    }
    throw new IllegalArgumentException("cannot render table element " + element);
  }

  /**
   * {@code column("status", varchar(20)).notNull().defaultSql("'NEW'").comment("Order state")}; an
   * identity column is rendered {@code .generatedAsIdentity()} alone, which implies not null.
   */
  Expression<Column> column(Column column) {
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
    if (column.defaultSql() != null) {
      code.add("$Z.defaultSql($L)", inlineLiteral(column.defaultSql()));
      rendered = rendered.defaultSql(column.defaultSql());
    }
    if (column.comment() != null) {
      code.add("$Z.comment($L)", inlineLiteral(column.comment()));
      rendered = rendered.comment(column.comment());
    }
    if (!rendered.equals(column)) {
      throw new IllegalArgumentException("column " + column.name() + " is "
          + (column.identity() ? "an identity column" : "a column")
          + (column.nullable() ? " that allows null" : " that is not null")
          + ", which no combination of column(), notNull() and generatedAsIdentity() produces");
    }
    return new Expression<>(code.build(), rendered);
  }

  /**
   * A constraint as its factory: {@code primaryKey("a", "b")} (named: {@code
   * primaryKey("id").named("users_pkey")}), {@code unique("uq_users_email", "email")}, {@code
   * foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id"))} with {@code
   * .onDelete(CASCADE)} and {@code .onUpdate(SET_NULL)} unless {@code NO_ACTION}, {@code
   * check("ck_users_age", "age >= 0")}. A null name is written as {@code null}.
   */
  Expression<TableConstraint> constraint(TableConstraint constraint) {
    CodeBlock code;
    TableConstraint rendered;
    if (constraint instanceof PrimaryKey primaryKey) {
      CodeBlock.Builder builder = CodeBlock.builder()
          .add(staticMember(PRIMARY_KEY, "primaryKey", "($L)", strings(primaryKey.columns())));
      PrimaryKey key = PrimaryKey.primaryKey(primaryKey.columns().toArray(new String[0]));
      if (primaryKey.name() != null) {
        builder.add(code(".named($S)", primaryKey.name()));
        key = key.named(primaryKey.name());
      }
      code = builder.build();
      rendered = key;
    } else if (constraint instanceof UniqueConstraint unique) {
      code = staticMember(UNIQUE_CONSTRAINT, "unique", "($S, $L)", unique.name(), strings(unique.columns()));
      rendered = UniqueConstraint.unique(unique.name(), unique.columns().toArray(new String[0]));
    } else if (constraint instanceof ForeignKey foreignKey) {
      CodeBlock.Builder builder = CodeBlock.builder().add(staticMember(FOREIGN_KEY, "foreignKey",
          "($S,$W$T.of($L),$W$S,$W$T.of($L))", foreignKey.name(), LIST, strings(foreignKey.columns()),
          foreignKey.referencedTable(), LIST, strings(foreignKey.referencedColumns())));
      ForeignKey key = ForeignKey.foreignKey(foreignKey.name(), List.of(foreignKey.columns().toArray(new String[0])),
          foreignKey.referencedTable(), List.of(foreignKey.referencedColumns().toArray(new String[0])));
      if (foreignKey.onDelete() != ReferentialAction.NO_ACTION) {
        builder.add("$Z.onDelete($L)", referentialAction(foreignKey.onDelete()));
        key = key.onDelete(foreignKey.onDelete());
      }
      if (foreignKey.onUpdate() != ReferentialAction.NO_ACTION) {
        builder.add("$Z.onUpdate($L)", referentialAction(foreignKey.onUpdate()));
        key = key.onUpdate(foreignKey.onUpdate());
      }
      code = builder.build();
      rendered = key;
    } else if (constraint instanceof CheckConstraint check) {
      code = staticMember(CHECK_CONSTRAINT, "check", "($S,$W$L)", check.name(),
          inlineLiteral(check.expression()));
      rendered = CheckConstraint.check(check.name(), check.expression());
    } else {
      throw new IllegalArgumentException("cannot render constraint " + constraint);
    }
    requireExact(rendered, constraint, "constraint " + constraint.name());
    return new Expression<>(code, rendered);
  }

  private CodeBlock referentialAction(ReferentialAction action) {
    return staticMember(REFERENTIAL_ACTION, action.name(), "");
  }

  /**
   * {@code index("ix_users_email", "email")} when every column is ascending, {@code
   * index("ix_t_a_b", asc("a"), desc("b"))} otherwise, {@code uniqueIndex("ux", asc("email"))} for
   * a unique index, {@code verbatim("ix", false, "create index ...")} for an index kept as the
   * database defines it.
   */
  Expression<Index> index(Index index) {
    CodeBlock code;
    Index rendered;
    if (index.definition() != null) {
      code = staticMember(INDEX, "verbatim", "($S, $L,$W$L)", index.name(), index.unique(),
          stringLiteral(index.definition()));
      rendered = Index.verbatim(index.name(), index.unique(), index.definition());
    } else if (!index.unique() && index.columns().stream().noneMatch(IndexColumn::descending)) {
      code = staticMember(INDEX, "index", "($S, $L)", index.name(), strings(index.columnNames()));
      rendered = Index.index(index.name(), index.columnNames().toArray(new String[0]));
    } else {
      CodeBlock.Builder columns = CodeBlock.builder();
      List<IndexColumn> values = new ArrayList<>();
      for (IndexColumn column : index.columns()) {
        columns.add(columns.isEmpty() ? "$L" : ", $L",
            staticMember(INDEX_COLUMN, column.descending() ? "desc" : "asc", "($S)", column.name()));
        values.add(column.descending() ? IndexColumn.desc(column.name()) : IndexColumn.asc(column.name()));
      }
      IndexColumn[] arguments = values.toArray(new IndexColumn[0]);
      String factory = index.unique() ? "uniqueIndex" : "index";
      code = staticMember(INDEX, factory, "($S, $L)", index.name(), columns.build());
      rendered = index.unique() ? Index.uniqueIndex(index.name(), arguments) : Index.index(index.name(), arguments);
    }
    requireExact(rendered, index, "index " + index.name());
    return new Expression<>(code, rendered);
  }

  /** {@code sequence("users_seq", 1, 50)}. */
  Expression<Sequence> sequence(Sequence sequence) {
    CodeBlock code = staticMember(SEQUENCE, "sequence", "($S, $L, $L)", sequence.name(),
        longLiteral(sequence.startWith()), longLiteral(sequence.incrementBy()));
    Sequence rendered = Sequence.sequence(sequence.name(), sequence.startWith(), sequence.incrementBy());
    requireExact(rendered, sequence, "sequence " + sequence.name());
    return new Expression<>(code, rendered);
  }

  /** {@code enumType("order_status", "NEW", "PAID")}, the values wrapped where the line gets long. */
  Expression<EnumType> enumType(EnumType enumType) {
    String[] values = enumType.values().toArray(new String[0]);
    CodeBlock code = staticMember(ENUM_TYPE, "enumType", "($S,$W$L)", enumType.name(), wrappingStrings(values));
    EnumType rendered = EnumType.enumType(enumType.name(), values);
    requireExact(rendered, enumType, "enum type " + enumType.name());
    return new Expression<>(code, rendered);
  }

  /**
   * {@code type(BIGINT)}, {@code setNotNull()}, {@code dropNotNull()}, {@code addIdentity()},
   * {@code dropIdentity()}, {@code setDefault("0")},
   * {@code dropDefault()}, {@code setComment("...")}, {@code dropComment()}.
   */
  Expression<ColumnChange> columnChange(ColumnChange change) {
    CodeBlock code;
    ColumnChange rendered;
    if (change instanceof ColumnChange.SetType setType) {
      code = staticMember(COLUMN_CHANGE, "type", "($L)", sqlType(setType.type()));
      rendered = ColumnChange.type(setType.type());
    } else if (change instanceof ColumnChange.SetNullable setNullable) {
      code = staticMember(COLUMN_CHANGE, setNullable.nullable() ? "dropNotNull" : "setNotNull", "()");
      rendered = setNullable.nullable() ? ColumnChange.dropNotNull() : ColumnChange.setNotNull();
    } else if (change instanceof ColumnChange.SetIdentity setIdentity) {
      code = staticMember(COLUMN_CHANGE, setIdentity.identity() ? "addIdentity" : "dropIdentity", "()");
      rendered = setIdentity.identity() ? ColumnChange.addIdentity() : ColumnChange.dropIdentity();
    } else if (change instanceof ColumnChange.SetDefault setDefault) {
      String sql = setDefault.sql();
      code = sql == null
          ? staticMember(COLUMN_CHANGE, "dropDefault", "()")
          : staticMember(COLUMN_CHANGE, "setDefault", "($L)", inlineLiteral(sql));
      rendered = sql == null ? ColumnChange.dropDefault() : ColumnChange.setDefault(sql);
    } else if (change instanceof ColumnChange.SetComment setComment) {
      String comment = setComment.comment();
      code = comment == null
          ? staticMember(COLUMN_CHANGE, "dropComment", "()")
          : staticMember(COLUMN_CHANGE, "setComment", "($L)", inlineLiteral(comment));
      rendered = comment == null ? ColumnChange.dropComment() : ColumnChange.setComment(comment);
    } else {
      throw new IllegalArgumentException("cannot render column change " + change);
    }
    requireExact(rendered, change, "column change");
    return new Expression<>(code, rendered);
  }

  private static void requireExact(Object rendered, Object input, String what) {
    if (!rendered.equals(input)) {
      throw new IllegalArgumentException(what + " is " + input + ", which no factory produces; the closest is "
          + rendered);
    }
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
    return code("$T." + member + suffixFormat, all);
  }

  /**
   * {@code CodeBlock.of}, except that each {@code $S} argument becomes an {@link #inlineLiteral}
   * (or {@code null}): JavaPoet's own {@code $S} splits text at line breaks, which inside an
   * expression would break its layout.
   */
  private static CodeBlock code(String format, Object... arguments) {
    StringBuilder converted = new StringBuilder(format.length());
    Object[] values = arguments.clone();
    int argument = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      converted.append(c);
      if (c != '$' || i + 1 == format.length()) {
        continue;
      }
      char kind = format.charAt(++i);
      if (kind == 'S') {
        values[argument] = values[argument] == null ? CodeBlock.of("null") : inlineLiteral((String) values[argument]);
        kind = 'L';
      }
      if (kind == 'L' || kind == 'T' || kind == 'N') {
        argument++;
      } else if (Character.isDigit(kind) || kind == '(') {
        throw new IllegalArgumentException("only relative arguments are supported: " + format);
      }
      converted.append(kind);
    }
    return CodeBlock.of(converted.toString(), values);
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
