package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Indexes: one a migration created and the entities no longer declare is dropped; one whose
 * columns change is replaced (it used to crash -m); one a DBA added by hand stays, reported.
 */
class IndexOwnershipTest {

  private static final String INDEXED = WalkthroughTest.USER_V1.replace("@Table(name = \"users\")",
      "@Table(name = \"users\", indexes = @Index(name = \"ix_users_lookup\", columnList = \"name\"))");

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void whatTheMigrationsCreatedTheyDropAndWhatADbaAddedStays(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(INDEXED);
    project.expect(0, "-m", "users with a lookup index");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create index ix_dba_email on users (email)");
    }

    project.entities(INDEXED.replace("columnList = \"name\"", "columnList = \"name, email\""));
    CliRun replaced = project.expect(0, "-m", "lookup by name and email");
    assertTrue(replaced.out().contains("  drop index ix_users_lookup on users"), replaced::toString);
    assertTrue(replaced.out().contains("  create index ix_users_lookup on users"), replaced::toString);
    assertTrue(replaced.out().contains("index ix_dba_email on users [email] exists only in the database"),
        replaced::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    project.entities(WalkthroughTest.USER_V1);
    CliRun dropped = project.expect(0, "-m", "no lookup index");
    assertTrue(dropped.out().contains("  drop index ix_users_lookup on users"), dropped::toString);
    assertTrue(!dropped.out().contains("drop index ix_dba_email"), dropped::toString);
    project.expect(0, "upgrade", "head");
    CliRun check = project.expect(0, "check");
    assertTrue(check.out().contains("ix_dba_email"), check::toString);
    project.expect(0, "downgrade", "-1");
    project.expect(0, "downgrade", "-1");
  }

  /**
   * A user test: a DBA dropped an index a migration created; -m wrote its creation again, which
   * mended that database and failed on every database built from the migrations ("already has
   * index"). It warns so, with the way out (make it again in that database, leave it out of the
   * migration); as for a column dropped by hand.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anIndexOrColumnDroppedByHandIsToldToBeMadeAgainThere(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(INDEXED);
    project.expect(0, "-m", "users with a lookup index");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("drop index ix_users_lookup");
    }

    CliRun mended = project.expect(0, "-m", "index again");
    assertTrue(mended.out().contains("warning: index ix_users_lookup on users is missing from this database, though the"
        + " applied migrations created it: if it was dropped here by hand (not by raw SQL of a migration), a migration"
        + " creating it again fails on every database built from them; then make it again in this database instead"),
        mended::toString);
  }
}
