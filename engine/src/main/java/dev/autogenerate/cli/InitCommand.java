package dev.autogenerate.cli;

import dev.autogenerate.project.InitialLayout;
import dev.autogenerate.project.SettingsLoader;
import dev.autogenerate.runtime.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Writes a commented autogenerate.properties and creates the migrations directory.")
final class InitCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Option(names = "--force", description = "Overwrite an existing properties file.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Path file = root.workingDirectory().resolve(root.config != null ? root.config : Path.of(SettingsLoader.DEFAULT_FILE));
    if (Files.exists(file) && !force) {
      throw new UserError(file + " already exists: edit it, or run init --force to overwrite it");
    }
    String classPath = root.classPath != null ? root.classPath : "target/classes";
    Path project = file.toAbsolutePath().getParent();
    // The application's own data source, where it names one, is the default: not overridden here.
    boolean applicationsDatabase = root.url == null
        && InitialLayout.applicationNamesItsDatabase(project, classPath, root.environment());
    String url = root.url != null ? root.url : "jdbc:sqlite:app.db";
    // Read from the project only for what the options leave to it.
    InitialLayout layout = root.entities != null && root.migrations != null ? null
        : InitialLayout.of(project, classPath, root.environment());
    String entities = root.entities != null ? root.entities : layout.entities();
    String migrations = root.migrations != null ? root.migrations : layout.migrations();
    Files.writeString(file, template(url, applicationsDatabase, entities, classPath, migrations), StandardCharsets.UTF_8);
    Path migrationsDirectory = file.toAbsolutePath().getParent().resolve(migrations);
    Files.createDirectories(migrationsDirectory);
    String defaulted = root.entities == null && root.migrations == null ? "entities and migrations"
        : root.entities == null ? "entities" : root.migrations == null ? "migrations" : null;
    root.out().println("Wrote " + RevisionCommand.displayPath(root, file)
        + (defaulted == null ? "" : " (" + defaulted + " from " + layout.source() + ")"));
    root.out().println("Created " + RevisionCommand.displayPath(root, migrationsDirectory));
    root.out().println("Next: check entities= and classpath=, compile your entities, then run autogenerate -m \"initial schema\".");
    return AutogenerateCli.OK;
  }

  private static String template(String url, boolean applicationsDatabase, String entities, String classPath,
      String migrations) {
    return String.join("\n",
        "# Autogenerate configuration. Environment variables AUTOGENERATE_URL, AUTOGENERATE_USER and",
        "# AUTOGENERATE_PASSWORD override this file; command-line options override both.",
        "",
        "# The database: jdbc:sqlite:FILE (a relative FILE is relative to this file) or jdbc:postgresql://host:5432/db",
        applicationsDatabase ? "# Unset: your application's own (spring.datasource.url, persistence.xml) is used.\n#url=" + url
            : "url=" + url,
        "#user=",
        "#password=",
        "",
        "# Packages (or class names) of your @Entity classes, comma-separated.",
        "entities=" + entities,
        "# Where the compiled entity classes and the jars they need are, relative to this file.",
        "classpath=" + classPath,
        "",
        "# Where migrations are written; the package is derived from the path under src/main/java.",
        "migrations=" + migrations,
        "#migrations.package=com.example.app.migrations",
        "",
        "# Tables the tool never creates, alters or drops (globs, comma-separated).",
        "#exclude.tables=legacy_*",
        "",
        "# The application's Hibernate naming strategies, if it sets any.",
        "#naming.implicit-strategy=org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl",
        "#naming.physical-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
        "",
        "# The application's default schema (PostgreSQL), if it sets hibernate.default_schema.",
        "#hibernate.default_schema=app",
        "");
  }
}
