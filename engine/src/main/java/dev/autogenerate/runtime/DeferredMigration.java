package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;

/**
 * A migration taken from the {@link CompiledHistoryCache}: its class is defined and instantiated
 * only when its operations are asked for, so that the commands that only show the history's
 * shape ({@code current}, {@code history}) define none of a long history's classes.
 *
 * <p>When the cache could keep its checksum (see {@link SelfContainedClasses}), what the upgrade
 * records depends only on its source and the tool, and {@link #identity} names them.
 */
final class DeferredMigration implements Migration {

  private final ClassLoader loader;
  private final String className;
  private final String upgradeChecksum;
  private final String sourceKey;
  private Migration instance;

  /**
   * @param upgradeChecksum the checksum of what the upgrade records, or "" when it must be recorded again
   * @param sourceKey {@link CompiledClassCache#key} of the source the class came from
   */
  DeferredMigration(ClassLoader loader, String className, String upgradeChecksum, String sourceKey) {
    this.loader = loader;
    this.className = className;
    this.upgradeChecksum = upgradeChecksum;
    this.sourceKey = sourceKey;
  }

  /**
   * What decides the operations, when only the source and the tool do (the checksum is kept): the
   * key of the source's text, class path and tool version, and the class; else "".
   */
  String identity() {
    return upgradeChecksum.isEmpty() ? "" : sourceKey + " " + className;
  }

  /** The binary name of the migration's class. */
  String className() {
    return className;
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
