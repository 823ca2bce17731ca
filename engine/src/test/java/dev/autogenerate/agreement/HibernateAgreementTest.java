package dev.autogenerate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.CompiledClasses;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agreement with Hibernate, on PostgreSQL: a database Hibernate created for the reference model
 * shows no differences, and the database the tool's own migration creates passes Hibernate's
 * schema validation.
 */
class HibernateAgreementTest {

  @TempDir Path directory;

  @Test
  void aDatabaseHibernateCreatedShowsNoDifferences() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    CompiledClasses compiled = EntitySources.compile(ReferenceModel.sources().toArray(String[]::new));
    List<Class<?>> classes = compiled.loadClasses();
    ClassLoader loader = classes.get(0).getClassLoader();

    try (SessionFactory ignored = HibernateSessions.start(database, classes, "create")) {
      Schema entities = new EntityModelReader(EntityModelOptions.using(loader)).read(classes);
      try (Connection connection = database.open()) {
        Schema live = Database.forKind(DatabaseKind.POSTGRESQL).inspector().inspect(connection, TableFilter.defaults());
        MigrationPlan plan = new SchemaComparison(Database.forKind(DatabaseKind.POSTGRESQL).comparisonRules()).compare(live, entities);

        assertEquals(List.of(), plan.upgradeChanges().stream().map(Change::operation).toList());
        assertEquals(List.of(), plan.warnings());
      }
    }
  }

  /**
   * PostgreSQL folds only the ASCII letters of a name written without quotes: Hibernate's
   * {@code create table Überweisung (Änderungen ...)} is {@code Überweisung (Änderungen)}, and so
   * must the entities read; read as {@code überweisung}, they wanted a second table created.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void namesWithCapitalsBeyondAsciiAreKeptAsTheDatabaseKeepsThem(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    CompiledClasses compiled = EntitySources.compile("""
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        public class Überweisung {
          @Id Long id;
          Integer Änderungen;
        }
        """);
    List<Class<?>> classes = compiled.loadClasses();
    try (SessionFactory ignored = HibernateSessions.start(database, classes, "create")) {
      Schema entities = new EntityModelReader(EntityModelOptions.using(classes.get(0).getClassLoader())).read(classes);
      assertEquals(java.util.Set.of("Überweisung"), entities.tables().keySet());
      try (Connection connection = database.open()) {
        Database kindOfDatabase = Database.forKind(kind);
        Schema live = kindOfDatabase.inspector().inspect(connection, TableFilter.defaults());
        MigrationPlan plan = new SchemaComparison(kindOfDatabase.comparisonRules()).compare(live, entities);
        assertEquals(List.of(), plan.upgradeChanges().stream().map(Change::operation).toList());
      }
    }
  }

  @Test
  void theGeneratedMigrationPassesHibernateValidation() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    ProjectDirectory project = new ProjectDirectory(directory, database, "com.example.reference");
    project.entities(ReferenceModel.sources().toArray(String[]::new));
    project.expect(0, "-m", "reference model");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    CompiledClasses compiled = EntitySources.compile(ReferenceModel.sources().toArray(String[]::new));
    try (SessionFactory validated = HibernateSessions.start(database, compiled.loadClasses(), "validate")) {
      assertEquals(true, validated.isOpen());
    }
  }
}
