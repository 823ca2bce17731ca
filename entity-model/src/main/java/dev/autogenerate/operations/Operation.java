package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * One schema change, as a migration states it. Operations are values: the runtime renders them as
 * SQL through a dialect, the history replays them onto a {@link Schema} without a database, and the
 * diff emits them.
 *
 * <p>An operation carries only what a person writes by hand ({@code dropColumn("users", "age")});
 * whatever else it needs, such as the definition a drop must restore, it reads from the schema as
 * it stood before the operation. That keeps hand-written and generated migrations alike.
 */
public sealed interface Operation
    permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, RenameColumn, SetTableComment,
        AddConstraint, AddConstraintNotValid, ValidateConstraint, AddUniqueUsingIndex, DropConstraint, CreateIndex,
        CreateIndexConcurrently, DropIndex, CreateSequence, DropSequence, AlterSequence, RenameSequence,
        AdvanceSequence, CreateEnumType, DropEnumType, AlterEnumType, CreateView, DropView, LockTimeout,
        LeaveToDatabase, ExecuteSql {

  /** The schema after this operation, given the schema before it. */
  Schema applyTo(Schema before);

  /**
   * The operations that undo this one, in order, given the schema before this one. Usually one;
   * a dropped table comes back as its creation plus its indexes and comment.
   *
   * @throws IrreversibleOperationException when no operation can undo it (raw SQL)
   */
  List<Operation> inverse(Schema before);

  /** A short human description for messages and comments: {@code add column users.age}. */
  String describe();

  /**
   * The table, sequence or enum type this operation changes, named as in the migration
   * ({@code sales.orders}); null for raw SQL, which may change anything. Operations on one
   * subject run together, so a database that rebuilds a table to alter it rebuilds it once.
   */
  String subject();

  /**
   * Every table or sequence this operation names: its {@linkplain #subject() subject} and the
   * tables its foreign keys reference. Tells the runtime which schemas to read before it runs.
   */
  default List<String> namesUsed() {
    return subject() == null ? List.of() : List.of(subject());
  }

  /**
   * Whether it can run inside the revision's transaction, as nearly every operation can. One
   * that cannot ({@code create index concurrently}) must be alone in its revision, which then
   * runs outside a transaction.
   */
  default boolean transactional() {
    return true;
  }

  /** Calls the visitor's method for this kind of operation. */
  <R> R accept(OperationVisitor<R> visitor);
}
