package dev.autogenerate.database.postgres;

import static dev.autogenerate.database.Ddl.literal;
import static dev.autogenerate.database.Ddl.qualifiedName;
import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.compare.NoConversion;
import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.TypeSpelling;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AdvanceSequence;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.AlterSequence;
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
import dev.autogenerate.operations.OperationVisitor;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements that carry out each operation on PostgreSQL: transactional DDL, and an
 * {@code alter} for everything this model changes, so each operation is its own statements.
 */
final class PostgresStatements implements OperationVisitor<List<String>> {

  private static final Set<SqlType.Kind> INTEGERS = EnumSet.of(SqlType.Kind.SMALLINT, SqlType.Kind.INTEGER,
      SqlType.Kind.BIGINT);

  private final Schema before;

  /** @param before the schema just before the operation (what an enum type's recipe converts) */
  PostgresStatements(Schema before) {
    this.before = before;
  }

  /** The type as PostgreSQL's DDL spells it. */
  static String typeName(SqlType type) {
    switch (type.kind()) {
      case DOUBLE: return "double precision";
      case TIME: return TypeSpelling.withPrecision("time", type);
      case TIME_TZ: return TypeSpelling.withPrecision("time", type) + " with time zone";
      case TIMESTAMP: return TypeSpelling.withPrecision("timestamp", type);
      case TIMESTAMP_TZ: return TypeSpelling.withPrecision("timestamp", type) + " with time zone";
      case UUID: return "uuid";
      // bytea has no length; a declared binary length is a Java-side limit only.
      case BINARY: return "bytea";
      case JSON: return "jsonb";
      default: return TypeSpelling.common(type);
    }
  }

  @Override
  public List<String> createTable(CreateTable operation) {
    return createTable(operation.table());
  }

  @Override
  public List<String> dropTable(DropTable operation) {
    return List.of("drop table " + qualifiedName(operation.table()));
  }

  /** The new name is unqualified: PostgreSQL keeps the table in its schema. */
  @Override
  public List<String> renameTable(RenameTable operation) {
    return List.of("alter table " + qualifiedName(operation.from()) + " rename to "
        + quote(unqualified(operation.to())));
  }

  @Override
  public List<String> addColumn(AddColumn operation) {
    List<String> statements = new ArrayList<>();
    statements.add("alter table " + qualifiedName(operation.table()) + " add column " + columnDefinition(operation.column()));
    statements.addAll(columnComment(operation.table(), operation.column().name(), operation.column().comment(), false));
    return statements;
  }

  /**
   * A {@code @Lob} on PostgreSQL is an oid, the number of a large object that holds the value: to
   * or from text or bytea, the value is read out of its object (or written into a new one), never
   * the number converted (a text column would hold "33394", silently, and bytea has no cast from
   * oid at all). The objects a column leaves stay in the database until {@code vacuumlo} or
   * {@code lo_unlink} removes them, so a downgrade can still read them. Any other type (a
   * {@code @Lob String} made JSON, found by a user test: {@code payload::jsonb} has no cast from
   * oid and failed the revision) goes through the object's text, as the value it stood for.
   */
  private static Optional<String> largeObjectConversion(SqlType was, SqlType type, String column, String typeName) {
    if (was == null || isLargeObject(was) == isLargeObject(type)) {
      return Optional.empty();
    }
    boolean fromObject = isLargeObject(was);
    SqlType.Kind plain = (fromObject ? type : was).kind();
    if (plain == SqlType.Kind.BINARY) {
      return Optional.of(fromObject ? " using lo_get(" + column + ")" : " using lo_from_bytea(0, " + column + ")");
    }
    if (fromObject) {
      return Optional.of(" using convert_from(lo_get(" + column + "), 'UTF8')::" + typeName);
    }
    String asText = AssignmentCasts.STRINGS.contains(plain) ? column : column + "::text";
    return Optional.of(" using lo_from_bytea(0, convert_to(" + asText + ", 'UTF8'))");
  }

  /** Whether the type is a {@code @Lob}'s large-object reference. */
  static boolean isLargeObject(SqlType type) {
    return type.kind() == SqlType.Kind.RAW && "oid".equalsIgnoreCase(type.rawName());
  }

  /** Whether the type is one of the schema's enum types, by its name as written or unquoted. */
  private boolean isEnumType(SqlType type) {
    if (type.kind() != SqlType.Kind.RAW) {
      return false;
    }
    String name = type.rawName();
    String unquoted = name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    return before.enumType(name).isPresent() || before.enumType(unquoted).isPresent();
  }

  @Override
  public List<String> dropColumn(DropColumn operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " drop column " + quote(operation.column()));
  }

  @Override
  public List<String> alterColumn(AlterColumn operation) {
    String column = quote(operation.column());
    List<String> actions = new ArrayList<>();
    operation.newType().ifPresent(type -> {
      String typeName = typeName(type);
      SqlType was = before.requireTable(operation.table()).column(operation.column()).map(Column::type).orElse(null);
      // Without USING, PostgreSQL converts as an assignment would, and a value that does not fit
      // (25 characters into varchar(10)) fails the revision; an explicit cast would truncate it
      // silently. USING is only for types with no assignment cast between them (text -> integer).
      // An enum type has no cast to another enum type (mood to feeling): through its text, as
      // an enum's values are; so does a number or another type with no cast to a uuid at all (a
      // Long id made UUID), which would otherwise fail even without a value to convert, and whose
      // text never reads as one. Not to other types, whose text may read as a value that is not
      // the old one (a review: a UUID made bytea became its text's 36 bytes; 20240101 reads as a date).
      boolean throughText = was != null && (isEnumType(was)
          || NoConversion.between(was, type) && type.kind() == SqlType.Kind.UUID);
      actions.add("alter column " + column + " type " + typeName + largeObjectConversion(was, type, column, typeName)
          .orElse(was != null && AssignmentCasts.exist(was, type) ? ""
              : " using " + column + (throughText ? "::text::" : "::") + typeName));
    });
    operation.newNullable().ifPresent(nullable ->
        actions.add("alter column " + column + (nullable ? " drop not null" : " set not null")));
    boolean identityAdded = operation.newIdentity().orElse(false);
    if (identityAdded) {
      actions.add("alter column " + column + " add generated by default as identity");
    }
    operation.newDefault().ifPresent(change -> actions.add("alter column " + column
        + (change.sql() == null ? " drop default" : " set default " + change.sql())));
    List<String> statements = new ArrayList<>();
    if (operation.newIdentity().filter(identity -> !identity).isPresent()) {
      statements.add(identityDropped(operation.table(), operation.column()));
    }
    if (!actions.isEmpty()) {
      statements.add("alter table " + qualifiedName(operation.table()) + " " + String.join(", ", actions));
    }
    if (identityAdded) {
      // A new identity starts at 1, below the ids the rows hold (a sequence's, or assigned).
      statements.add("select setval(pg_get_serial_sequence(" + literal(qualifiedName(operation.table())) + ", "
          + literal(operation.column()) + "), greatest(max(" + column + "), 0) + 1, false) from "
          + qualifiedName(operation.table()));
    }
    if (ownsSequence(operation)) {
      // Asked of the server: the name is the serial's (teams_id_seq), or the identity's, already changed.
      statements.add("do $sequence$ declare owned text := pg_get_serial_sequence("
          + literal(qualifiedName(operation.table())) + ", " + literal(operation.column()) + "); begin"
          + " if owned is not null then execute format('alter sequence %s as "
          + typeName(operation.newType().orElseThrow()) + "', owned); end if; end $sequence$");
    }
    operation.newComment().ifPresent(change ->
        statements.addAll(columnComment(operation.table(), operation.column(), change.comment(), true)));
    return statements;
  }

  /**
   * Stops the database generating a column's values: an identity is dropped with its sequence; a
   * {@code serial}, which this model reads as an identity too, loses its {@code nextval()} default
   * and its sequence, which would otherwise stay the column's and be the one a later identity's
   * {@code pg_get_serial_sequence} names. One another column's default still uses stays, no longer
   * the column's (found by the review of this change: the drop failed the revision).
   */
  private String identityDropped(String table, String column) {
    String alter = "alter table " + qualifiedName(table) + " alter column " + quote(column);
    return "do $identity$ declare generator text := pg_get_serial_sequence(" + literal(qualifiedName(table)) + ", "
        + literal(column) + "); begin " + alter + " drop identity if exists; " + alter + " drop default;"
        + " if to_regclass(generator) is not null then begin execute format('drop sequence %s', generator);"
        + " exception when dependent_objects_still_exist then"
        + " execute format('alter sequence %s owned by none', generator); end; end if;"
        + " end $identity$";
  }

  /**
   * Whether the column takes its values from a sequence of its own whose type must follow the
   * column's integer type. PostgreSQL changes an identity column's sequence with the column, but
   * not a {@code serial}'s, which this model reads as an identity too: a database adopted with
   * {@code serial} ids, widened to {@code bigint} for entities with {@code Long} ones, would keep a
   * sequence that stops at 2,147,483,647, and inserts fail there.
   */
  private boolean ownsSequence(AlterColumn operation) {
    Optional<SqlType> type = operation.newType();
    Column was = before.requireTable(operation.table()).column(operation.column()).orElse(null);
    return type.isPresent() && was != null && was.identity() && INTEGERS.contains(type.get().kind())
        && INTEGERS.contains(was.type().kind());
  }

  @Override
  public List<String> renameColumn(RenameColumn operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " rename column " + quote(operation.from())
        + " to " + quote(operation.to()));
  }

  @Override
  public List<String> setTableComment(SetTableComment operation) {
    return List.of("comment on table " + qualifiedName(operation.table()) + " is "
        + (operation.comment() == null ? "null" : literal(operation.comment())));
  }

  @Override
  public List<String> addConstraint(AddConstraint operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " add " + Ddl.constraintClause(operation.constraint()));
  }

  /** Takes the table's lock for an instant: the rows already there are checked by the validation. */
  @Override
  public List<String> addConstraintNotValid(AddConstraintNotValid operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " add "
        + Ddl.constraintClause(operation.constraint()) + " not valid");
  }

  /** Takes the table's lock for an instant: the index was built, concurrently, by the revision before. */
  @Override
  public List<String> addUniqueUsingIndex(AddUniqueUsingIndex operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " add constraint "
        + quote(operation.constraint().name()) + " unique using index " + quote(operation.constraint().name()));
  }

  /** Scans the rows under a lock that lets reads and writes go on. */
  @Override
  public List<String> validateConstraint(ValidateConstraint operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " validate constraint " + quote(operation.name()));
  }

  /** Nothing runs: it only tells later comparisons whose the object is. */
  @Override
  public List<String> leaveToDatabase(LeaveToDatabase operation) {
    return List.of();
  }

  /** {@code set local}: for this revision's transaction only, whatever the session had. */
  @Override
  public List<String> lockTimeout(LockTimeout operation) {
    return List.of("set local lock_timeout = " + literal(operation.timeout().toMillis() + "ms"));
  }

  @Override
  public List<String> dropConstraint(DropConstraint operation) {
    return List.of("alter table " + qualifiedName(operation.table()) + " drop constraint " + quote(operation.name()));
  }

  @Override
  public List<String> createIndex(CreateIndex operation) {
    return List.of(Ddl.createIndex(operation.table(), operation.index()));
  }

  /** Outside any transaction: the runtime runs a revision holding it on its own. */
  @Override
  public List<String> createIndexConcurrently(CreateIndexConcurrently operation) {
    return List.of(Ddl.createIndex(operation.table(), operation.index(), true));
  }

  @Override
  public List<String> dropIndex(DropIndex operation) {
    // Index names are scoped by schema: the index is in its table's schema.
    return List.of("drop index " + Ddl.inSchemaOf(operation.table(), operation.name()));
  }

  @Override
  public List<String> createSequence(CreateSequence operation) {
    return List.of("create sequence " + qualifiedName(operation.sequence().name()) + " start with "
        + operation.sequence().startWith() + " increment by " + operation.sequence().incrementBy());
  }

  @Override
  public List<String> dropSequence(DropSequence operation) {
    return List.of("drop sequence " + qualifiedName(operation.name()));
  }

  @Override
  public List<String> alterSequence(AlterSequence operation) {
    return List.of("alter sequence " + qualifiedName(operation.name()) + " increment by " + operation.incrementBy());
  }

  /** The new name is unqualified: PostgreSQL keeps the sequence in its schema, and its value. */
  @Override
  public List<String> renameSequence(RenameSequence operation) {
    return List.of("alter sequence " + qualifiedName(operation.from()) + " rename to " + quote(unqualified(operation.to())));
  }

  /**
   * One {@code setval}, only where the next value is not past the rows' ids by the allocation
   * already: the sequence's next value read from its own row ({@code is_called} says whether
   * {@code last_value} was handed out), its increment from the catalog.
   */
  @Override
  public List<String> advanceSequence(AdvanceSequence operation) {
    String sequence = qualifiedName(operation.sequence());
    long allocation = operation.allocationSize();
    return List.of("select setval(" + literal(sequence) + ", ids.largest + " + allocation + ", false)"
        + " from (select max(" + quote(operation.column()) + ") as largest from " + qualifiedName(operation.table())
        + ") ids, " + sequence + " now"
        + " where ids.largest + " + allocation + " > case when now.is_called then now.last_value"
        + " + (select seqincrement from pg_sequence where seqrelid = " + literal(sequence) + "::regclass)"
        + " else now.last_value end");
  }

  @Override
  public List<String> createEnumType(CreateEnumType operation) {
    return List.of(createEnumType(operation.enumType()));
  }

  @Override
  public List<String> dropEnumType(DropEnumType operation) {
    return List.of("drop type " + quote(operation.name()));
  }

  @Override
  public List<String> createView(CreateView operation) {
    String name = qualifiedName(operation.name());
    return List.of("create view " + name + " as " + operation.definition(), ViewKeeping.giveBack(name));
  }

  @Override
  public List<String> dropView(DropView operation) {
    // As the migration says, not as the database has it: the offline script, from the replayed
    // history, cannot know a view made by hand, and must say what the upgrade says.
    String name = qualifiedName(operation.name());
    if (operation.materialized()) {
      return List.of("drop materialized view " + name);
    }
    List<String> statements = new ArrayList<>(ViewKeeping.keep(name));
    statements.add("drop view " + name);
    return statements;
  }

  @Override
  public List<String> executeSql(ExecuteSql operation) {
    return List.of(operation.sql());
  }

  private static String unqualified(String name) {
    return name.substring(name.indexOf('.') + 1);
  }

  private static List<String> createTable(Table table) {
    List<String> elements = new ArrayList<>();
    table.columns().forEach(column -> elements.add(columnDefinition(column)));
    table.constraints().forEach(constraint -> elements.add(Ddl.constraintClause(constraint)));
    List<String> statements = new ArrayList<>();
    statements.add(Ddl.createTable(table.name(), elements));
    for (Column column : table.columns()) {
      columnComment(table.name(), column.name(), column.comment(), false).forEach(statements::add);
    }
    return statements;
  }

  private static String columnDefinition(Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(typeName(column.type()));
    if (column.defaultSql() != null) {
      sql.append(" default ").append(column.defaultSql());
    }
    if (column.identity()) {
      sql.append(" generated by default as identity");
    } else if (!column.nullable()) {
      sql.append(" not null");
    }
    return sql.toString();
  }

  private static List<String> columnComment(String table, String column, String comment, boolean evenIfNull) {
    if (comment == null && !evenIfNull) {
      return List.of();
    }
    return List.of("comment on column " + qualifiedName(table) + "." + quote(column) + " is "
        + (comment == null ? "null" : literal(comment)));
  }

  private static String createEnumType(EnumType type) {
    return "create type " + quote(type.name()) + " as enum ("
        + type.values().stream().map(Ddl::literal).collect(Collectors.joining(", ")) + ")";
  }

  /**
   * New values are added in place. Anything else (a value removed, the order changed) takes the
   * safe recipe: rename the old type, create the new one, convert each column of the type
   * through text, drop the old type. The conversion fails, and the revision rolls back, if a row
   * still holds a value the new type lacks. Never {@code drop type ... cascade}.
   */
  @Override
  public List<String> alterEnumType(AlterEnumType alter) {
    EnumType existing = before.enumType(alter.name())
        .orElseThrow(() -> new IllegalArgumentException("no enum type " + alter.name()));
    if (alter.onlyAddsValuesTo(existing.values())) {
      return addEnumValues(alter, existing, false);
    }
    List<String> statements = new ArrayList<>();
    String old = alter.name() + "_old";
    statements.add("alter type " + quote(alter.name()) + " rename to " + quote(old));
    statements.add(createEnumType(new EnumType(alter.name(), alter.values())));
    SqlType enumType = SqlType.sqlType(alter.name());
    for (Table table : before.tables().values()) {
      for (Column column : table.columns()) {
        if (column.type().equals(enumType)) {
          String name = quote(column.name());
          String target = qualifiedName(table.name());
          if (column.defaultSql() != null) {
            statements.add("alter table " + target + " alter column " + name + " drop default");
          }
          statements.add("alter table " + target + " alter column " + name + " type " + quote(alter.name())
              + " using " + name + "::text::" + quote(alter.name()));
          if (column.defaultSql() != null) {
            statements.add("alter table " + target + " alter column " + name + " set default " + column.defaultSql());
          }
        }
      }
    }
    statements.add("drop type " + quote(old));
    return statements;
  }

  /**
   * The statements that insert an enum type's new values where they go, one per value.
   *
   * @param ifMissing whether each skips a value the type already has, so that the statements can
   *     run again after a failure
   */
  static List<String> addEnumValues(AlterEnumType alter, EnumType existing, boolean ifMissing) {
    List<String> statements = new ArrayList<>();
    List<String> values = alter.values();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (!existing.values().contains(value)) {
        // Without a position a value goes last; the first of several new values in front
        // therefore goes before the first old value.
        String position = i + 1 < values.size() && existing.values().contains(values.get(i + 1))
            ? " before " + literal(values.get(i + 1))
            : i > 0 ? " after " + literal(values.get(i - 1))
            : " before " + literal(existing.values().get(0));
        statements.add("alter type " + quote(alter.name()) + " add value " + (ifMissing ? "if not exists " : "")
            + literal(value) + position);
      }
    }
    return statements;
  }
}
