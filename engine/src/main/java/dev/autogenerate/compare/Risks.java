package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
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
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlType.Kind;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import dev.autogenerate.schema.ViewUses;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the steps of an upgrade that may destroy data or fail on existing rows: drops, narrowed
 * or converted types, NOT NULL, new uniques, foreign keys and checks, values leaving an enum type. Tables the same upgrade creates hold
 * no rows and are skipped. A function of schema values: counting the rows is the caller's, where
 * a database is connected.
 */
public final class Risks {

  private static final Set<Kind> STRINGS = EnumSet.of(Kind.CHAR, Kind.VARCHAR, Kind.TEXT);
  private static final List<Kind> INTEGERS = List.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT);
  /**
   * The types a text becomes exactly or not at all, whose texts that do not read as one are counted
   * ({@code RowCounts}). Not a number with decimals: a text that reads as one may still be rounded.
   */
  private static final Set<Kind> READ_WHOLE_FROM_TEXT = EnumSet.of(Kind.UUID, Kind.BOOLEAN);
  private static final Set<Kind> FLOATS = EnumSet.of(Kind.REAL, Kind.DOUBLE);
  private static final Set<Kind> NUMBERS =
      EnumSet.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT, Kind.NUMERIC, Kind.REAL, Kind.DOUBLE);
  private static final Set<Kind> TIMESTAMPS = EnumSet.of(Kind.TIMESTAMP, Kind.TIMESTAMP_TZ);
  private static final Set<Kind> TIMES = EnumSet.of(Kind.TIME, Kind.TIME_TZ, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ);
  /** What a text converts to whole or, without an error, cut: a date, a time, a float. */
  private static final Set<Kind> TEXT_CUT = EnumSet.of(Kind.DATE, Kind.TIME, Kind.TIME_TZ, Kind.TIMESTAMP,
      Kind.TIMESTAMP_TZ, Kind.REAL, Kind.DOUBLE);

  private Risks() {}

  /** The risky steps of {@code upgrade}, in order, given the schema before it. */
  public static List<Risk> of(Schema current, List<Change> upgrade) {
    return of(current, upgrade, current);
  }

  /**
   * The same, for steps of a revision that begins at {@code countedIn}, the schema whose rows are
   * counted: a risk naming a column the revision adds before {@code current} cannot be counted.
   */
  public static List<Risk> of(Schema current, List<Change> upgrade, Schema countedIn) {
    List<Risk> risks = new ArrayList<>();
    Set<String> created = new HashSet<>();
    NamesNow names = new NamesNow();
    NullColumns nulls = new NullColumns();
    Map<String, List<String>> droppedChecks = new HashMap<>();
    Schema schema = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      if (operation.subject() != null && !created.contains(operation.subject())) {
        Schema atStep = schema;
        operation.accept(new Finder(change, current, atStep, nulls,
                droppedChecks.getOrDefault(operation.subject(), List.of())))
            .forEach(risk -> risks.add(names.inDatabase(risk, atStep, countedIn)));
      }
      if (operation instanceof DropConstraint drop) {
        schema.table(drop.table()).stream().flatMap(table -> table.checks().stream())
            .filter(check -> check.name() != null && check.name().equals(drop.name()))
            .forEach(check -> droppedChecks.computeIfAbsent(drop.table(), table -> new ArrayList<>()).add(check.expression()));
      }
      if (operation instanceof CreateTable create) {
        created.add(create.table().name());
      }
      nulls.follow(operation, created);
      names.follow(operation);
      schema = operation.applyTo(schema);
    }
    return risks;
  }

  /**
   * The columns the upgrade added to tables with rows, without a default: null in every row until
   * a statement the upgrade runs fills them. A unique constraint or a foreign key over one cannot
   * fail on the rows there (a null is neither a duplicate nor a reference), nor can the check
   * Hibernate writes for an enum or a range of one; the table's count would name a column not
   * there yet.
   */
  private static final class NullColumns {

    private final Map<String, Set<String>> byTable = new HashMap<>();

    void follow(Operation operation, Set<String> created) {
      if (operation instanceof AddColumn add && !created.contains(add.table()) && add.column().nullable()
          && add.column().defaultSql() == null) {
        byTable.computeIfAbsent(add.table(), table -> new HashSet<>()).add(add.column().name());
      } else if (operation instanceof DropColumn drop && byTable.containsKey(drop.table())) {
        byTable.get(drop.table()).remove(drop.column());
      } else if (operation instanceof RenameColumn rename && byTable.containsKey(rename.table())
          && byTable.get(rename.table()).remove(rename.from())) {
        byTable.get(rename.table()).add(rename.to());
      } else if (operation instanceof RenameTable rename && byTable.containsKey(rename.from())) {
        byTable.put(rename.to(), byTable.remove(rename.from()));
      } else if (operation instanceof ExecuteSql) {
        // Raw SQL may fill them.
        byTable.clear();
      }
    }

    boolean anyOf(String table, List<String> columns) {
      Set<String> nulls = byTable.getOrDefault(table, Set.of());
      return columns.stream().anyMatch(nulls::contains);
    }

    /** Whether the check is Hibernate's {@code column in (...)} or {@code between} of such a column. */
    boolean onlyChecks(String table, String expression) {
      Matcher shape = ONE_COLUMN_CHECK.matcher(expression.strip());
      if (!shape.matches()) {
        return false;
      }
      String name = shape.group(1);
      return byTable.getOrDefault(table, Set.of()).stream().anyMatch(column -> name.startsWith("\"")
          ? name.substring(1, name.length() - 1).replace("\"\"", "\"").equals(column) : name.equalsIgnoreCase(column));
    }

    private static final Pattern ONE_COLUMN_CHECK =
        Pattern.compile("(?is)\\(?\\s*(\"(?:[^\"]|\"\")+\"|\\w+)\\s+(in\\s*\\(|between\\s).*");
  }

  /**
   * The names tables and columns have in the database now, before the upgrade renames them: the
   * rows a risky step concerns are counted before it runs, so under those names.
   */
  private static final class NamesNow {

    /** By name after the renames so far: the name in the database now. */
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, Map<String, String>> columns = new HashMap<>();

    void follow(Operation operation) {
      if (operation instanceof RenameTable rename) {
        tables.put(rename.to(), tables.getOrDefault(rename.from(), rename.from()));
        Map<String, String> renamedColumns = columns.remove(rename.from());
        if (renamedColumns != null) {
          columns.put(rename.to(), renamedColumns);
        }
      } else if (operation instanceof RenameColumn rename) {
        Map<String, String> ofTable = columns.computeIfAbsent(rename.table(), table -> new HashMap<>());
        ofTable.put(rename.to(), ofTable.getOrDefault(rename.from(), rename.from()));
      }
    }

    /**
     * The risk under the names the database has now; one naming a column the database does not
     * have yet (the upgrade adds it before this step) cannot be counted before it runs, nor can a
     * check over a column whose type the upgrade changes before it (an enum's ordinal becoming its
     * name: the new check compares the old numbers with names).
     *
     * @param atStep the schema just before the risky step
     */
    Risk inDatabase(Risk risk, Schema atStep, Schema current) {
      Map<String, String> ofTable = columns.getOrDefault(risk.table(), Map.of());
      String table = tables.getOrDefault(risk.table(), risk.table());
      List<String> named = risk.columns().stream().map(column -> ofTable.getOrDefault(column, column)).toList();
      Optional<String> uncountable = risk.uncountable();
      Optional<Table> existing = current.table(table);
      if (uncountable.isEmpty() && existing.isPresent()) {
        uncountable = named.stream().filter(column -> !existing.get().hasColumn(column)).findFirst()
            .map(column -> "it names column " + column + ", which the revision makes before this step");
      }
      if (uncountable.isEmpty() && existing.isPresent() && risk.kind() == Risk.Kind.CHECK) {
        for (int i = 0; i < named.size() && uncountable.isEmpty(); i++) {
          String column = risk.columns().get(i);
          Optional<SqlType> now = existing.get().column(named.get(i)).map(Column::type);
          Optional<SqlType> then = atStep.table(risk.table()).flatMap(stepTable -> stepTable.column(column)).map(Column::type);
          if (now.isPresent() && then.isPresent() && !now.equals(then)) {
            uncountable = Optional.of("it names column " + named.get(i) + ", whose type the revision changes before"
                + " this step");
          }
        }
      }
      return new Risk(risk.change(), risk.kind(), table, named, risk.limit(), uncountable);
    }
  }

  /**
   * The risks of one operation, given the schema before it: one method per operation, so a new
   * operation must say whether it is risky before anything compiles.
   */
  private static final class Finder implements OperationVisitor<List<Risk>> {

    private final Change change;
    /** The database before the upgrade: what its keys hold unique, its rows are. */
    private final Schema current;
    private final Schema before;
    private final NullColumns nulls;
    /** The expressions of the checks the upgrade dropped from this step's table before it. */
    private final List<String> droppedChecks;

    Finder(Change change, Schema current, Schema before, NullColumns nulls, List<String> droppedChecks) {
      this.change = change;
      this.current = current;
      this.before = before;
      this.nulls = nulls;
      this.droppedChecks = droppedChecks;
    }

    private List<Risk> risk(Risk.Kind kind, String table, List<String> columns) {
      return List.of(new Risk(change, kind, table, columns, 0));
    }

    @Override
    public List<Risk> createTable(CreateTable operation) {
      return List.of();
    }

    @Override
    public List<Risk> dropTable(DropTable operation) {
      return before.hasTable(operation.table()) ? risk(Risk.Kind.DROPPED_TABLE, operation.table(), List.of()) : List.of();
    }

    /** Renaming keeps every row and value. */
    @Override
    public List<Risk> renameTable(RenameTable operation) {
      return List.of();
    }

    @Override
    public List<Risk> renameColumn(RenameColumn operation) {
      return List.of();
    }

    @Override
    public List<Risk> addColumn(AddColumn operation) {
      Column column = operation.column();
      boolean needsValue = !column.nullable() && column.defaultSql() == null && !column.identity();
      return needsValue ? risk(Risk.Kind.NOT_NULL_WITHOUT_DEFAULT, operation.table(), List.of()) : List.of();
    }

    @Override
    public List<Risk> dropColumn(DropColumn operation) {
      return risk(Risk.Kind.DROPPED_COLUMN, operation.table(), List.of(operation.column()));
    }

    @Override
    public List<Risk> alterColumn(AlterColumn operation) {
      return Risks.alterColumn(change, operation, before);
    }

    @Override
    public List<Risk> setTableComment(SetTableComment operation) {
      return List.of();
    }

    @Override
    public List<Risk> addConstraint(AddConstraint operation) {
      TableConstraint constraint = operation.constraint();
      if (constraint instanceof UniqueConstraint || constraint instanceof ForeignKey
          ? nulls.anyOf(operation.table(), constraint.columns())
          : constraint instanceof CheckConstraint check && nulls.onlyChecks(operation.table(), check.expression())) {
        return List.of();
      }
      if (constraint instanceof UniqueConstraint || constraint instanceof PrimaryKey) {
        return uniqueAlready(operation.table(), constraint.columns()) ? List.of()
            : risk(Risk.Kind.UNIQUE, operation.table(), constraint.columns());
      }
      if (constraint instanceof ForeignKey key) {
        return risk(Risk.Kind.FOREIGN_KEY, operation.table(), key.columns());
      }
      // The expression is in the SQL of the database the migration was made for, which is the one
      // connected: the count asks it which rows the check rejects. The columns it names are listed,
      // so that one the revision makes before it is said to be why it cannot be counted yet.
      CheckConstraint check = (CheckConstraint) constraint;
      List<String> named = before.table(operation.table()).map(table -> table.columns().stream().map(Column::name)
          .filter(column -> ViewUses.names(check.expression(), column)).toList()).orElse(List.of());
      List<Risk> risks = new ArrayList<>(2);
      if (ordinalsShifted(operation.table(), check)) {
        risks.add(new Risk(change, Risk.Kind.ORDINALS_SHIFTED, operation.table(), named, 0));
      }
      Optional<String> listed = CheckWidening.listedColumn(check.expression());
      if (listed.isPresent() && droppedRanges().anyMatch(dropped -> dropped.column().equals(listed.get()))) {
        risks.add(new Risk(change, Risk.Kind.ORDINALS_TO_NAMES, operation.table(), List.of(listed.get()), 0));
      }
      if (droppedChecks.stream().noneMatch(dropped -> CheckWidening.admitsAll(dropped, check.expression()))) {
        // Not widened (as by an enum's new value, when every row the dropped check let in, this one does).
        risks.add(new Risk(change, Risk.Kind.CHECK, operation.table(), named, 0));
      }
      return risks;
    }

    /**
     * Whether the check is the range of an enum stored by position whose dropped range ended
     * elsewhere, on a column of a small integer type, as Hibernate maps such an enum (a
     * {@code between 0 and N} of a wider column is a person's check, not an enum's positions).
     */
    private boolean ordinalsShifted(String table, CheckConstraint check) {
      Optional<OrdinalRange> range = OrdinalRange.of(check.expression());
      boolean ordinalColumn = range.isPresent() && before.table(table).flatMap(t -> t.column(range.get().column()))
          .map(column -> column.type().kind() == SqlType.Kind.SMALLINT)
          .orElse(false);
      return ordinalColumn && droppedRanges().anyMatch(dropped -> range.get().changedFrom(dropped));
    }

    /** The dropped checks of this table that are ordinal ranges. */
    private Stream<OrdinalRange> droppedRanges() {
      return droppedChecks.stream().map(OrdinalRange::of).flatMap(Optional::stream);
    }

    /** The rows already there are not checked until the validation. */
    @Override
    public List<Risk> addConstraintNotValid(AddConstraintNotValid operation) {
      return List.of();
    }

    /** The duplicates made the index's build fail, in the revision before. */
    @Override
    public List<Risk> addUniqueUsingIndex(AddUniqueUsingIndex operation) {
      return List.of();
    }

    /**
     * The diff never proposes it (the lock-safe forms are written after the risks are counted,
     * on the step they replace), so it adds nothing here.
     */
    @Override
    public List<Risk> validateConstraint(ValidateConstraint operation) {
      return List.of();
    }

    @Override
    public List<Risk> leaveToDatabase(LeaveToDatabase operation) {
      return List.of();
    }

    @Override
    public List<Risk> lockTimeout(LockTimeout operation) {
      return List.of();
    }

    @Override
    public List<Risk> dropConstraint(DropConstraint operation) {
      return List.of();
    }

    @Override
    public List<Risk> createIndex(CreateIndex operation) {
      return uniqueIndex(operation.table(), operation.index());
    }

    @Override
    public List<Risk> createIndexConcurrently(CreateIndexConcurrently operation) {
      return uniqueIndex(operation.table(), operation.index());
    }

    /** A new unique index fails on duplicates; one on expressions cannot be counted. */
    private List<Risk> uniqueIndex(String table, Index index) {
      boolean unique = index.unique() && index.isManaged() && !nulls.anyOf(table, index.columnNames())
          && !uniqueAlready(table, index.columnNames());
      return unique ? risk(Risk.Kind.UNIQUE, table, index.columnNames()) : List.of();
    }

    /**
     * Whether the database held these columns unique before the upgrade by a key on some of them:
     * rows unique on {@code (email)} are on {@code (email, status)} too, so a unique widened so
     * finds no duplicate (a user test was warned of them, with a count of 0).
     */
    private boolean uniqueAlready(String table, List<String> columns) {
      return current.table(table).stream().flatMap(held -> Stream.concat(
              Stream.concat(held.primaryKey().stream().map(PrimaryKey::columns),
                  held.uniqueConstraints().stream().map(UniqueConstraint::columns)),
              held.indexes().stream().filter(index -> index.unique() && index.isManaged() && index.valid())
                  .map(Index::columnNames)))
          .anyMatch(key -> columns.containsAll(key) && sameTypesSince(table, key));
    }

    /**
     * Whether the upgrade changed none of these columns' types before this step: a numeric's
     * scale cut from 2 to 0 makes 1.25 and 1.49 one value, which the old key held apart.
     */
    private boolean sameTypesSince(String table, List<String> columns) {
      Optional<Table> was = current.table(table);
      Optional<Table> now = before.table(table);
      return was.isPresent() && now.isPresent() && columns.stream().allMatch(column ->
          was.get().column(column).map(Column::type).equals(now.get().column(column).map(Column::type)));
    }

    @Override
    public List<Risk> dropIndex(DropIndex operation) {
      return List.of();
    }

    @Override
    public List<Risk> createSequence(CreateSequence operation) {
      return List.of();
    }

    @Override
    public List<Risk> dropSequence(DropSequence operation) {
      return List.of();
    }

    @Override
    public List<Risk> alterSequence(AlterSequence operation) {
      return List.of();
    }

    /** Renaming keeps the sequence's value. */
    @Override
    public List<Risk> renameSequence(RenameSequence operation) {
      return List.of();
    }

    /** It only ever moves forward, past what the rows hold. */
    @Override
    public List<Risk> advanceSequence(AdvanceSequence operation) {
      return List.of();
    }

    @Override
    public List<Risk> createEnumType(CreateEnumType operation) {
      return List.of();
    }

    @Override
    public List<Risk> dropEnumType(DropEnumType operation) {
      return List.of();
    }

    /** A removed value fails the conversion of any row that holds it: one risk per column of the type. */
    @Override
    public List<Risk> alterEnumType(AlterEnumType operation) {
      Optional<EnumType> existing = before.enumType(operation.name());
      if (existing.isEmpty() || operation.values().containsAll(existing.get().values())) {
        return List.of();
      }
      SqlType type = SqlType.sqlType(operation.name());
      List<Risk> risks = new ArrayList<>();
      for (Table table : before.tables().values()) {
        for (Column column : table.columns()) {
          if (column.type().equals(type)) {
            risks.add(new Risk(change, Risk.Kind.ENUM_VALUE_REMOVED, table.name(), List.of(column.name()), 0));
          }
        }
      }
      return risks;
    }

    /** A view holds no rows: the diff drops it only to create it again with the same query. */
    @Override
    public List<Risk> createView(CreateView operation) {
      return List.of();
    }

    @Override
    public List<Risk> dropView(DropView operation) {
      return List.of();
    }

    @Override
    public List<Risk> executeSql(ExecuteSql operation) {
      return List.of();
    }
  }

  private static List<Risk> alterColumn(Change change, AlterColumn alter, Schema before) {
    Column was = before.requireTable(alter.table()).column(alter.column()).orElse(null);
    if (was == null) {
      return List.of();
    }
    List<Risk> risks = new ArrayList<>();
    List<String> column = List.of(alter.column());
    Optional<SqlType> type = alter.newType();
    if (type.isPresent()) {
      SqlType from = was.type();
      SqlType to = type.get();
      if (STRINGS.contains(from.kind()) && STRINGS.contains(to.kind())) {
        if (to.length() != null && (from.length() == null || to.length() < from.length())) {
          risks.add(new Risk(change, Risk.Kind.NARROWED, alter.table(), column, to.length()));
        }
      } else {
        boolean rounds = rounds(from, to);
        if (rounds) {
          int kept = to.kind() == Kind.NUMERIC ? scale(to) : TIMES.contains(to.kind()) ? fractionalDigits(to) : 0;
          risks.add(new Risk(change, Risk.Kind.ROUNDED, alter.table(), column, kept));
        }
        // Rounding converts what fits; a value too large for the new type still fails.
        if (TIMESTAMPS.contains(from.kind()) && TIMESTAMPS.contains(to.kind()) && from.kind() != to.kind()) {
          // PostgreSQL converts every value, in the session's time zone: nothing fails.
          risks.add(new Risk(change, Risk.Kind.TIME_ZONE, alter.table(), column, 0));
        } else if (NUMBERS.contains(from.kind()) && NUMBERS.contains(to.kind())) {
          // A number converts to any number type, or fails for being too large for it: counted
          // as the values out of its range, not every value (bigint to integer, double to real).
          if (mayOverflow(from, to)) {
            risks.add(new Risk(change, Risk.Kind.OUT_OF_RANGE, alter.table(), column, 0));
          }
        } else if (STRINGS.contains(from.kind()) && to.kind() == Kind.NUMERIC) {
          // Both: the texts that are no number fail, and the others are rounded to the scale, silently.
          risks.add(new Risk(change, Risk.Kind.TEXT_TO_DECIMAL, alter.table(), column, 0));
          risks.add(new Risk(change, Risk.Kind.TEXT_REWRITTEN, alter.table(), column, 0));
          if (to.precision() != null) {
            risks.add(new Risk(change, Risk.Kind.TEXT_ROUNDED, alter.table(), column, scale(to)));
          }
        } else if (STRINGS.contains(from.kind()) && INTEGERS.contains(to.kind())) {
          risks.add(new Risk(change, Risk.Kind.TEXT_TO_INTEGER, alter.table(), column, 0));
          risks.add(new Risk(change, Risk.Kind.TEXT_REWRITTEN, alter.table(), column, 0));
        } else if (STRINGS.contains(from.kind()) && READ_WHOLE_FROM_TEXT.contains(to.kind())) {
          risks.add(new Risk(change, Risk.Kind.TEXT_CONVERTED, alter.table(), column, 0));
        } else if (NoConversion.between(from, to)) {
          risks.add(new Risk(change, Risk.Kind.NOT_CONVERTIBLE, alter.table(), column, 0));
        } else if (!rounds && !widens(from, to)) {
          risks.add(new Risk(change, Risk.Kind.CONVERTED, alter.table(), column, 0));
          if (STRINGS.contains(from.kind()) && TEXT_CUT.contains(to.kind())) {
            // A text that reads as the type may hold more than it: a time of day, digits.
            risks.add(new Risk(change, Risk.Kind.TEXT_ROUNDED, alter.table(), column, keptOfText(to)));
          }
        }
      }
    }
    if (alter.newNullable().isPresent() && !alter.newNullable().get() && was.nullable()) {
      risks.add(new Risk(change, Risk.Kind.NOT_NULL, alter.table(), column, 0));
    }
    return risks;
  }

  /**
   * Whether PostgreSQL converts the values of {@code from} that fit {@code to} without an error
   * but not always whole: to fewer decimals (numeric scale), to whole numbers, to a real's or a
   * double's precision, to fewer fractional seconds, from a timestamp to its date or its time of
   * day, from an integer to a boolean.
   */
  private static boolean rounds(SqlType from, SqlType to) {
    boolean fractional = FLOATS.contains(from.kind()) || from.kind() == Kind.NUMERIC && scale(from) != 0;
    return switch (to.kind()) {
      case NUMERIC -> to.precision() != null && (FLOATS.contains(from.kind())
          || from.kind() == Kind.NUMERIC && (from.precision() == null || scale(to) < scale(from)));
      case SMALLINT, INTEGER, BIGINT -> fractional;
      // A real holds 24 bits of a number, a double 53.
      case REAL -> EnumSet.of(Kind.DOUBLE, Kind.NUMERIC, Kind.INTEGER, Kind.BIGINT).contains(from.kind());
      case DOUBLE -> from.kind() == Kind.BIGINT
          || from.kind() == Kind.NUMERIC && (from.precision() == null || from.precision() > 15);
      case DATE -> TIMESTAMPS.contains(from.kind());
      // PostgreSQL's cast makes any integer but 0 true (its USING form: no assignment cast).
      case BOOLEAN -> from.kind() == Kind.INTEGER;
      case TIMESTAMP, TIMESTAMP_TZ -> TIMESTAMPS.contains(from.kind()) && fractionalDigits(to) < fractionalDigits(from);
      // A timestamp loses its date (PostgreSQL's cast takes the time of day, without an error).
      case TIME, TIME_TZ -> TIMESTAMPS.contains(from.kind())
          || TIMES.contains(from.kind()) && fractionalDigits(to) < fractionalDigits(from);
      default -> false;
    };
  }

  /** Whether a value of {@code from} may be too large for {@code to}, once rounded to it. */
  private static boolean mayOverflow(SqlType from, SqlType to) {
    return mostIntegerDigits(from) > integerDigitsAlwaysHeld(to);
  }

  /** The most digits before the decimal point a value of a number type has (a float's largest). */
  private static int mostIntegerDigits(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      case REAL -> 39;
      case DOUBLE -> 309;
      default -> integerDigitsAlwaysHeld(type);
    };
  }

  /**
   * The digits before the decimal point that any value with that many fits in: one fewer than
   * its largest value has for the integer types and floats (an integer takes 999,999,999 but not
   * every ten-digit number); unbounded for an unconstrained numeric.
   */
  private static int integerDigitsAlwaysHeld(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> 4;
      case INTEGER -> 9;
      case BIGINT -> 18;
      case REAL -> 38;
      case DOUBLE -> 308;
      case NUMERIC -> type.precision() == null ? Integer.MAX_VALUE : type.precision() - Math.max(scale(type), 0);
      default -> Integer.MAX_VALUE;
    };
  }

  /**
   * The decimals a numeric type keeps: its scale, 0 when only the precision is given (as
   * {@code numeric(10)}), -1 for an unconstrained {@code numeric}, which keeps any.
   */
  private static int scale(SqlType numeric) {
    return numeric.precision() == null ? -1 : numeric.scale() == null ? 0 : numeric.scale();
  }

  /**
   * What a type keeps of a text that reads as one of its values: for a time or timestamp its
   * fractional-second digits, for a float its significant decimal digits (FLT_DIG and DBL_DIG),
   * for a date nothing of a time of day.
   */
  private static int keptOfText(SqlType to) {
    return switch (to.kind()) {
      case REAL -> 6;
      case DOUBLE -> 15;
      case DATE -> 0;
      default -> fractionalDigits(to);
    };
  }

  /** The fractional-second digits a time or timestamp keeps: PostgreSQL's default, 6, unless given. */
  private static int fractionalDigits(SqlType time) {
    return time.precision() == null ? 6 : time.precision();
  }

  /**
   * Whether every value of {@code from} is a value of {@code to}: a wider integer, a numeric with
   * as many integer digits and decimals or more, a timestamp gaining a time zone.
   */
  private static boolean widens(SqlType from, SqlType to) {
    if (INTEGERS.contains(from.kind()) && INTEGERS.contains(to.kind())) {
      return INTEGERS.indexOf(to.kind()) >= INTEGERS.indexOf(from.kind());
    }
    if (INTEGERS.contains(from.kind()) && to.kind() == Kind.NUMERIC) {
      return to.precision() == null;
    }
    if (from.kind() == Kind.NUMERIC && to.kind() == Kind.NUMERIC) {
      return to.precision() == null || (from.precision() != null
          && integerDigitsAlwaysHeld(to) >= integerDigitsAlwaysHeld(from) && scale(to) >= scale(from));
    }
    if (to.kind() == Kind.DOUBLE && EnumSet.of(Kind.REAL, Kind.SMALLINT, Kind.INTEGER).contains(from.kind())
        || to.kind() == Kind.REAL && from.kind() == Kind.SMALLINT) {
      return true;
    }
    if (from.kind() == Kind.TIMESTAMP && to.kind() == Kind.TIMESTAMP_TZ || from.kind() == Kind.DATE && to.kind() == Kind.TIMESTAMP) {
      return true;
    }
    if (textHoldsEvery(from, to)) {
      return true;
    }
    return from.kind() == to.kind() && from.kind() != Kind.RAW && from.length() == null && to.length() == null;
  }

  /**
   * The longest text of a numeric of a precision: its sign, its whole digits (at least the 0 of
   * 0.25; more than the precision where the scale is negative) and its point and every decimal of
   * the scale, which PostgreSQL always writes ({@code -99999999.99} in a numeric(10, 2)).
   */
  private static int decimalTextLength(SqlType numeric) {
    int scale = scale(numeric);
    return 1 + Math.max(numeric.precision() - scale, 1) + (scale > 0 ? scale + 1 : 0);
  }

  /** The kinds whose every value has one text, whatever the session's settings. */
  private static final Set<Kind> TEXT_ALWAYS = EnumSet.of(Kind.BOOLEAN, Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT,
      Kind.REAL, Kind.DOUBLE, Kind.NUMERIC, Kind.CHAR, Kind.VARCHAR, Kind.TEXT, Kind.UUID, Kind.JSON);

  /** The longest text of a whole number, by kind: its sign and digits ({@code -9223372036854775808}). */
  private static final Map<Kind, Integer> INTEGER_TEXT_LENGTH = Map.of(Kind.SMALLINT, 6, Kind.INTEGER, 11, Kind.BIGINT, 20);

  /**
   * Whether every value of {@code from} has a text that {@code to} holds: a number's, a boolean's,
   * a UUID's, a text's or a JSON's in a {@code text} (or an unbounded {@code varchar}), a whole
   * number's, a decimal's of a precision, a boolean's or a UUID's in a varchar long enough for the
   * longest. Such a change
   * cannot fail on a row. Dates and times are left out: their text follows the session's
   * DateStyle and time zone, which is a change of its own.
   */
  private static boolean textHoldsEvery(SqlType from, SqlType to) {
    if (!TEXT_ALWAYS.contains(from.kind()) || to.kind() != Kind.TEXT && to.kind() != Kind.VARCHAR) {
      return false;
    }
    if (to.kind() == Kind.TEXT || to.length() == null) {
      return true;
    }
    Integer longest = INTEGER_TEXT_LENGTH.get(from.kind());
    if (longest == null) {
      longest = from.kind() == Kind.BOOLEAN ? Integer.valueOf("false".length())
          : from.kind() == Kind.UUID ? Integer.valueOf(36)
          : from.kind() == Kind.NUMERIC && from.precision() != null ? Integer.valueOf(decimalTextLength(from)) : null;
    }
    return longest != null && to.length() >= longest;
  }
}
