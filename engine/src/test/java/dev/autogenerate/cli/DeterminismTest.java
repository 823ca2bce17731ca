package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same entities and database give byte-identical migration files, id and time fixed. */
class DeterminismTest {

  @TempDir Path first;
  @TempDir Path second;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void sameInputSameBytes(DatabaseKind kind) {
    String one = generate(first, kind);
    String two = generate(second, kind);

    assertEquals(one, two);
  }

  private static String generate(Path directory, DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(TypeCoverageTest.EVERY_TYPE, TypeCoverageTest.MEMBERSHIP, WalkthroughTest.USER_V1);
    project.expect(0, "-m", "everything at once", "--rev-id", "0123456789ab", "--created", "2026-11-22T15:30:00Z");
    return project.read(project.migrationFiles().get(0));
  }
}
