package dev.autogenerate.operations;

/** Thrown when an operation cannot be undone automatically, such as arbitrary SQL. */
public final class IrreversibleOperationException extends RuntimeException {

  public IrreversibleOperationException(String message) {
    super(message);
  }
}
