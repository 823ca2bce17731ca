package dev.autogenerate.runtime;

/**
 * A migration applied to the database was edited afterwards, so nothing is applied on top of it.
 * Its own type so that an integration can say what happened in its terms: nothing ran, and the way
 * out is the edit's, not a failed revision's.
 */
public final class EditedMigrationError extends UserError {

  EditedMigrationError(String message) {
    super(message);
  }
}
