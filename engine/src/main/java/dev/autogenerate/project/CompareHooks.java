package dev.autogenerate.project;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.CompareHook;
import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.runtime.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.ServiceConfigurationError;

/**
 * Finds the project's {@link CompareHook}: the class {@code compare.hook} names, or else every
 * hook registered as a service on the entity class path, applied in turn.
 */
final class CompareHooks {

  private CompareHooks() {}

  static CompareHook find(String className, ClassLoader loader) {
    if (className != null) {
      return instantiate(className, loader);
    }
    List<CompareHook> hooks = new ArrayList<>();
    try {
      ServiceLoader.load(CompareHook.class, loader).forEach(hooks::add);
    } catch (ServiceConfigurationError e) {
      throw new UserError("cannot load a CompareHook listed in META-INF/services: " + UserError.firstLine(e.getMessage()), e);
    }
    if (hooks.isEmpty()) {
      return DiffOptions.KEEP_ALL;
    }
    return proposed -> {
      Optional<Change> kept = Optional.of(proposed);
      for (CompareHook hook : hooks) {
        kept = kept.flatMap(hook::review);
      }
      return kept;
    };
  }

  private static CompareHook instantiate(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UserError("compare.hook " + className + " is not on the class path: check the name and classpath=", e);
    }
    if (!CompareHook.class.isAssignableFrom(type)) {
      throw new UserError("compare.hook " + className + " does not implement " + CompareHook.class.getName());
    }
    try {
      return (CompareHook) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new UserError("compare.hook " + className + " cannot be created: it needs a public no-argument constructor ("
          + UserError.firstLine(String.valueOf(e.getMessage())) + ")", e);
    }
  }
}
