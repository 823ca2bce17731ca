package dev.autogenerate.entities;

/**
 * A {@code @RenamedFrom} the reader cannot apply (on a field that maps no single column, on an
 * entity that shares its parent's table); the message names the annotation and the fix.
 */
public final class RenameMappingException extends RuntimeException {

  public RenameMappingException(String message) {
    super(message);
  }
}
