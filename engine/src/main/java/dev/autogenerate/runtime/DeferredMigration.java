package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;

/**
 * A migration taken from the {@link CompiledHistoryCache}: its class is defined and instantiated
 * only when its operations are asked for, so that the commands that only show the history's
 * shape ({@code current}, {@code history}) define none of a long history's classes.
 *
 * @param upgradeChecksum the checksum of what the upgrade records, when the cache could keep it
 *     (see {@link SelfContainedClasses}), else ""
 */
final class DeferredMigration implements Migration {

  private final ClassLoader loader;
  private final String className;
  private final String upgradeChecksum;
  private Migration instance;

  DeferredMigration(ClassLoader loader, String className, String upgradeChecksum) {
    this.loader = loader;
    this.className = className;
    this.upgradeChecksum = upgradeChecksum;
  }

  /** The checksum kept with the classes, or "" when it must be computed from the operations. */
  String upgradeChecksum() {
    return upgradeChecksum;
  }

  @Override
  public void upgrade(Operations op) {
    instance().upgrade(op);
  }

  @Override
  public void downgrade(Operations op) {
    instance().downgrade(op);
  }

  private synchronized Migration instance() {
    if (instance == null) {
      try {
        instance = (Migration) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
        // It was instantiated when the entry was written; only a broken cache directory gets here.
        throw new UserError("cannot load migration class " + className + " from the cache: " + e
            + " (delete " + CacheDirectory.of("migrations") + " and run the command again)", e);
      }
    }
    return instance;
  }
}
