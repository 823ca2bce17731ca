package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Migration sources for the compile and cache tests: each revision adds one column to {@code items}. */
final class ColumnMigrations {

  private ColumnMigrations() {}

  /**
   * Writes {@code className.java} into {@code folder}.
   *
   * @param parent the revision it revises, or null for a first one
   * @param column a literal column name, or an expression giving one (a helper's call)
   */
  static Path write(Path folder, String className, String id, String parent, String column) throws IOException {
    return Files.writeString(folder.resolve(className + ".java"), """
        package m;

        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.SqlType.varchar;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "%s", revises = {%s}, message = "adds %s")
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.addColumn("items", column(%s, varchar(20)));
          }

          @Override
          public void downgrade(Operations op) {
            op.dropColumn("items", %s);
          }
        }
        """.formatted(id, parent == null ? "" : "\"" + parent + "\"", column, className, quoted(column), quoted(column)));
  }

  /** A literal column name as a string; an expression (a helper's call) as it is. */
  private static String quoted(String column) {
    return column.matches("[a-z0-9_]+") ? "\"" + column + "\"" : column;
  }
}
