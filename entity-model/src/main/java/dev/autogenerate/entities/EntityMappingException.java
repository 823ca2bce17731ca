package dev.autogenerate.entities;

/** The entities could not be read: Hibernate rejected a mapping, or a class could not be loaded. */
public final class EntityMappingException extends RuntimeException {

  public EntityMappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
