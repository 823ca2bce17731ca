package dev.autogenerate.runtime;

/**
 * The database is at a revision no migration defines: one deleted, or the tool pointed at other
 * migrations. Its own type so that an integration can say how its users point it at theirs (a
 * package for the Spring Boot starter, where the command line has a folder).
 */
public final class UnknownRevisionError extends UserError {

  private final String revision;

  UnknownRevisionError(String revision) {
    super("the database is at revision " + revision + ", which no migration defines: restore that migration, or point"
        + " the tool at the right migrations directory");
    this.revision = revision;
  }

  /** The revision the database is at. */
  public String revision() {
    return revision;
  }
}
