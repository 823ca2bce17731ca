package dev.autogenerate.spring;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.UserError;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The migrations compiled into the application, found with Spring's class-path scanning rather
 * than the engine's directory and jar reading, so that they are found inside Spring Boot's
 * executable jar too.
 */
final class MigrationClasses {

  private MigrationClasses() {}

  static Migrator migrator(PackageScan scan, String migrationsPackage, TableFilter filter) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (String className : scan.classNames(List.of(migrationsPackage), List.of(new AssignableTypeFilter(Migration.class)))) {
      Class<?> type = scan.load(className);
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      try {
        scripts.add(MigrationScript.of((Migration) type.getDeclaredConstructor().newInstance(), className));
      } catch (ReflectiveOperationException e) {
        throw new UserError("cannot create migration " + className + ": it needs a public no-argument constructor ("
            + e + ")", e);
      }
    }
    if (scripts.isEmpty()) {
      throw new UserError("no migrations in package " + migrationsPackage + " on the class path: check the package"
          + " name, and that the migrations are compiled into the application; for a database that has its tables"
          + " already, write the first migration with `mvn autogenerate:baseline` (or `autogenerate baseline`)");
    }
    return new Migrator(RevisionHistory.of(scripts), filter);
  }
}
