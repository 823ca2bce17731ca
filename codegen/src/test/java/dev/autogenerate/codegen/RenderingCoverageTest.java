package dev.autogenerate.codegen;

import dev.autogenerate.changes.Change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.schema.UniqueConstraint;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when the model grows faster than the renderer: a new {@link Operation}, {@link
 * ColumnChange}, table element, referential action, factory or builder method must get a sample in
 * {@link OperationSamples} (which {@link CompileRoundTripTest} compiles and runs), and so rendering
 * support in {@link OperationRenderer}.
 */
class RenderingCoverageTest {

  private static final List<Change> STEPS =
      OperationSamples.concat(OperationSamples.upgrade(), OperationSamples.downgrade());

  private static final List<Operation> OPERATIONS = Fixtures.operations(STEPS);

  /** The concrete classes of a sealed hierarchy, through nested sealed interfaces. */
  private static List<Class<?>> leaves(Class<?> sealed) {
    List<Class<?>> leaves = new ArrayList<>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        leaves.addAll(leaves(permitted));
      } else {
        leaves.add(permitted);
      }
    }
    return leaves;
  }

  private static <T> List<T> all(Class<T> type) {
    return OPERATIONS.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<TableElement> createdElements() {
    return all(CreateTable.class).stream().flatMap(create -> create.table().elements().stream()).toList();
  }

  private static List<Column> columns() {
    return Stream.concat(
            createdElements().stream().filter(Column.class::isInstance).map(Column.class::cast),
            all(AddColumn.class).stream().map(AddColumn::column))
        .toList();
  }

  private static List<ForeignKey> foreignKeys() {
    return Stream.concat(createdElements().stream(), all(AddConstraint.class).stream().map(AddConstraint::constraint))
        .filter(ForeignKey.class::isInstance).map(ForeignKey.class::cast).toList();
  }

  private static List<ColumnChange> columnChanges() {
    return all(AlterColumn.class).stream().flatMap(alter -> alter.changes().stream()).toList();
  }

  private static <T> void assertSome(List<T> values, Predicate<T> condition, String what) {
    assertTrue(values.stream().anyMatch(condition), "OperationSamples has no " + what);
  }

  @Test
  void everyOperationTypeHasASampleAndRenders() {
    OperationRenderer renderer = new OperationRenderer();
    for (Class<?> type : leaves(Operation.class)) {
      List<Operation> samples = OPERATIONS.stream().filter(type::isInstance).toList();

      assertTrue(!samples.isEmpty(), "no sample of " + type.getSimpleName()
          + ": add one to OperationSamples, and rendering support to OperationRenderer");
      samples.forEach(renderer::statement);
    }
  }

  @Test
  void everyColumnChangeKindBothWays() {
    List<ColumnChange> changes = columnChanges();
    for (Class<?> type : leaves(ColumnChange.class)) {
      assertSome(changes, type::isInstance, "column change " + type.getSimpleName());
    }
    assertSome(changes, change -> change.equals(ColumnChange.setNotNull()), "setNotNull()");
    assertSome(changes, change -> change.equals(ColumnChange.dropNotNull()), "dropNotNull()");
    assertSome(changes, change -> change instanceof ColumnChange.SetDefault d && d.sql() != null, "setDefault(...)");
    assertSome(changes, change -> change.equals(ColumnChange.dropDefault()), "dropDefault()");
    assertSome(changes, change -> change instanceof ColumnChange.SetComment c && c.comment() != null,
        "setComment(...)");
    assertSome(changes, change -> change.equals(ColumnChange.dropComment()), "dropComment()");
    assertSome(all(AlterColumn.class), alter -> alter.changes().size() == leaves(ColumnChange.class).size(),
        "alterColumn with every kind of change at once");
  }

  @Test
  void everyTableElementInCreateTableAndEveryConstraintInAddConstraint() {
    for (Class<?> type : leaves(TableElement.class)) {
      assertSome(createdElements(), type::isInstance, type.getSimpleName() + " in a createTable");
    }
    List<TableConstraint> added = all(AddConstraint.class).stream().map(AddConstraint::constraint).toList();
    for (Class<?> type : leaves(TableConstraint.class)) {
      assertSome(added, type::isInstance, type.getSimpleName() + " in an addConstraint");
    }
    List<TableElement> created = createdElements();
    assertSome(created, e -> e instanceof PrimaryKey key && key.name() == null, "unnamed primary key");
    assertSome(created, e -> e instanceof PrimaryKey key && key.name() != null, "named primary key");
    assertSome(created, e -> e instanceof PrimaryKey key && key.columns().size() > 1, "composite primary key");
    assertSome(created, e -> e instanceof UniqueConstraint unique && unique.columns().size() > 1,
        "unique constraint on several columns");
    assertSome(created, e -> e instanceof TableConstraint constraint && !(e instanceof PrimaryKey)
        && constraint.name() == null, "constraint without a name");
    assertSome(foreignKeys(), key -> key.columns().size() > 1, "foreign key on several columns");
    assertSome(created, e -> e instanceof CheckConstraint check && check.expression().contains("\n"),
        "check expression on several lines");
  }

  @Test
  void everyReferentialActionOnDeleteAndOnUpdate() {
    for (ReferentialAction action : ReferentialAction.values()) {
      assertSome(foreignKeys(), key -> key.onDelete() == action, "foreign key with onDelete " + action);
      assertSome(foreignKeys(), key -> key.onUpdate() == action, "foreign key with onUpdate " + action);
    }
  }

  @Test
  void everyColumnOption() {
    List<Column> columns = columns();
    assertSome(columns, column -> column.nullable() && !column.identity(), "nullable column");
    assertSome(columns, column -> !column.nullable() && !column.identity(), "not-null column");
    assertSome(columns, Column::identity, "identity column");
    assertSome(columns, column -> column.defaultSql() != null && column.comment() == null, "column with a default");
    assertSome(columns, column -> column.comment() != null && column.defaultSql() == null, "column with a comment");
    assertSome(columns, column -> column.identity() && column.defaultSql() != null && column.comment() != null,
        "identity column with default and comment");
    assertSome(columns, column -> !column.nullable() && column.defaultSql() != null && column.comment() != null,
        "not-null column with default and comment");
    assertSome(columns, column -> column.comment() != null && column.comment().contains("\n"),
        "comment on several lines");
  }

  @Test
  void everyIndexShape() {
    List<Index> indexes = OperationSamples.indexes();
    Predicate<Index> hasDescending = index -> index.columns().stream().anyMatch(IndexColumn::descending);
    assertSome(indexes, index -> index.isManaged() && !index.unique() && !hasDescending.test(index),
        "ascending index");
    assertSome(indexes, index -> index.isManaged() && index.columns().size() > 1 && !hasDescending.test(index),
        "ascending index on several columns");
    assertSome(indexes, index -> index.isManaged() && !index.unique() && hasDescending.test(index),
        "index with a descending column");
    assertSome(indexes, index -> index.isManaged() && index.unique() && !hasDescending.test(index),
        "ascending unique index");
    assertSome(indexes, index -> index.isManaged() && index.unique() && hasDescending.test(index),
        "unique index with a descending column");
    assertSome(indexes, index -> !index.isManaged() && index.unique(), "verbatim unique index");
    assertSome(indexes, index -> !index.isManaged() && !index.unique(), "verbatim index");
  }

  @Test
  void sequencesBeyondIntRange() {
    List<Sequence> sequences = all(CreateSequence.class).stream().map(CreateSequence::sequence).toList();
    assertSome(sequences, s -> s.startWith() > Integer.MAX_VALUE || s.incrementBy() > Integer.MAX_VALUE,
        "sequence value above int range");
    assertSome(sequences, s -> s.startWith() < Integer.MIN_VALUE || s.incrementBy() < Integer.MIN_VALUE,
        "sequence value below int range");
    assertSome(sequences, s -> s.incrementBy() < 0, "descending sequence");
  }

  /**
   * Each factory (public static method or enum constant) and each builder method (public instance
   * method returning its own type) of the migration DSL shows up in the file rendered from the
   * samples; {@code withX} copies are model plumbing, not DSL, and {@code NO_ACTION} is the default
   * and never written.
   */
  @Test
  void everyFactoryAndBuilderMethodOfTheDslIsRendered() {
    String text = new MigrationWriter().write(Fixtures.withSteps("M1", OperationSamples.upgrade(),
        OperationSamples.downgrade()));
    Set<String> missing = new TreeSet<>();
    List<Class<?>> dsl = List.of(Column.class, PrimaryKey.class, UniqueConstraint.class, ForeignKey.class,
        CheckConstraint.class, Index.class, IndexColumn.class, Sequence.class, EnumType.class, ColumnChange.class);
    for (Class<?> type : dsl) {
      for (Method method : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isAbstract(method.getModifiers())
            || !type.isAssignableFrom(method.getReturnType())
            || method.getName().startsWith("with") || method.isSynthetic()) {
          continue;
        }
        boolean rendered = Modifier.isStatic(method.getModifiers())
            ? text.contains("import static " + type.getName().replace('$', '.') + "." + method.getName() + ";")
            : text.contains("." + method.getName() + "(");
        if (!rendered) {
          missing.add(type.getSimpleName() + "." + method.getName());
        }
      }
    }
    for (ReferentialAction action : ReferentialAction.values()) {
      if (action != ReferentialAction.NO_ACTION
          && !text.contains("import static " + ReferentialAction.class.getName() + "." + action.name() + ";")) {
        missing.add("ReferentialAction." + action.name());
      }
    }
    assertEquals(Set.of(), missing, "DSL members that no sample renders");
  }
}
