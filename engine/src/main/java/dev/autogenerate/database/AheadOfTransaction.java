package dev.autogenerate.database;

import dev.autogenerate.operations.Operation;
import java.util.List;

/**
 * A revision split for a server that cannot run some of its operations inside a transaction: the
 * statements that run first, each on its own and safe to run again, the operations they carry
 * out, and the operations left for the revision's transaction, in order. The moved operations
 * leave alone what the ones before them change, so to the schema they may as well come first.
 */
public record AheadOfTransaction(List<String> statements, List<Operation> moved, List<Operation> rest) {

  public AheadOfTransaction {
    statements = List.copyOf(statements);
    moved = List.copyOf(moved);
    rest = List.copyOf(rest);
  }

  /** Everything in the transaction. */
  public static AheadOfTransaction none(List<Operation> operations) {
    return new AheadOfTransaction(List.of(), List.of(), operations);
  }
}
