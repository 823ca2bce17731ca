package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;

/**
 * Stands in for a migration whose source does not compile: the history can still place it (its
 * annotation is read from the text), but whatever needs its operations fails with the compile
 * error, so nothing runs, compares or scripts from a guess.
 *
 * @param problem the one-line compile error, naming the file and line
 */
record UncompiledMigration(String problem) implements Migration {

  @Override
  public void upgrade(Operations op) {
    throw new UserError(problem);
  }

  @Override
  public void downgrade(Operations op) {
    throw new UserError(problem);
  }
}
