package dev.autogenerate.scenarios;

import dev.autogenerate.schema.DatabaseKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One change to the entities: what they were, what they become, and the operations autogenerate
 * must find for it, as the command line lists them ({@code add column users.age}).
 *
 * @param expectedByDatabase the expected operations, per database where they differ; a database
 *     missing from the map expects {@code expected}
 * @param schemas schemas besides the default one that exist before the scenario, and that
 *     inspections read
 */
record Scenario(
    String name,
    List<String> before,
    List<String> after,
    List<String> expected,
    java.util.Map<DatabaseKind, List<String>> expectedByDatabase,
    Set<DatabaseKind> databases,
    Set<String> schemas) {

  static Builder named(String name) {
    return new Builder(name);
  }

  List<String> expectedOn(DatabaseKind kind) {
    return expectedByDatabase.getOrDefault(kind, expected);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Reads like the scenario tables it builds: {@code named(...).before(...).after(...).expect(...)}. */
  static final class Builder {
    private final String name;
    private List<String> before = List.of();
    private List<String> after = List.of();
    private final java.util.Map<DatabaseKind, List<String>> expectedByDatabase = new java.util.EnumMap<>(DatabaseKind.class);
    private Set<DatabaseKind> databases = EnumSet.allOf(DatabaseKind.class);
    private Set<String> schemas = Set.of();

    Builder(String name) {
      this.name = name;
    }

    Builder before(String... sources) {
      before = List.of(sources);
      return this;
    }

    Builder after(String... sources) {
      after = List.of(sources);
      return this;
    }

    Builder only(DatabaseKind kind) {
      databases = EnumSet.of(kind);
      return this;
    }

    /** PostgreSQL only, with these schemas created before the scenario starts. */
    Builder inSchemas(String... names) {
      schemas = Set.of(names);
      return only(DatabaseKind.POSTGRESQL);
    }

    Builder expectOn(DatabaseKind kind, String... operations) {
      expectedByDatabase.put(kind, List.of(operations));
      return this;
    }

    Scenario expect(String... operations) {
      return new Scenario(name, before, after, List.of(operations), java.util.Map.copyOf(expectedByDatabase), databases, schemas);
    }
  }
}
