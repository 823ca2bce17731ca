package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code revision -m} writes an empty migration to fill in by hand: a data migration here, run
 * by upgrade and listed by history after the generated one.
 */
class HandWrittenRevisionTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEmptyRevisionFilledInByHand(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");

    CliRun written = project.expect(0, "revision", "-m", "seed the admin");
    assertTrue(written.out().startsWith("Wrote empty migration "), written::toString);
    Path file = project.migrationFiles().stream().filter(each -> each.toString().contains("seed_the_admin"))
        .findFirst().orElseThrow();
    String empty = project.read(file);
    assertTrue(empty.contains("// Write the schema change here"), empty);
    project.write(project.root().relativize(file).toString(), empty
        .replaceFirst("// Write the schema change here[^\\n]*",
            "op.execute(\"insert into users (email, name) values ('admin@example.com', 'Admin')\");")
        .replaceFirst("// Undo the upgrade here[^\\n]*",
            "op.execute(\"delete from users where email = 'admin@example.com'\");"));

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("admin@example.com"), emails(project));
    project.expect(0, "check");
    CliRun history = project.expect(0, "history");
    List<String> lines = history.out().lines().toList();
    assertEquals(2, lines.size(), history::toString);
    assertTrue(lines.get(0).contains("(head), seed the admin"), history::toString);
    assertTrue(lines.get(1).startsWith("base -> "), history::toString);

    project.expect(0, "downgrade", "-1");
    assertEquals(List.of(), emails(project));
  }

  private static List<String> emails(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select email from users order by email")) {
      List<String> emails = new ArrayList<>();
      while (rows.next()) {
        emails.add(rows.getString(1));
      }
      return emails;
    }
  }
}
