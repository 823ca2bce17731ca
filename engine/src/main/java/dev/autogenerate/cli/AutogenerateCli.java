package dev.autogenerate.cli;

import dev.autogenerate.database.Database;
import dev.autogenerate.database.sqlite.SqliteFirstConnection;
import dev.autogenerate.database.sqlite.SqliteNativeLibrary;
import dev.autogenerate.project.EffectiveSettings;
import dev.autogenerate.project.LaunchHint;
import dev.autogenerate.project.PhaseTimings;
import dev.autogenerate.project.Project;
import dev.autogenerate.project.SettingsLoader;
import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.ToolVersion;
import dev.autogenerate.runtime.UnknownRevisionError;
import dev.autogenerate.runtime.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code autogenerate}: the command line. Options marked inherited may stand before or after the
 * command's name. Exit codes: 0 success, 1 {@code check} found differences, 2 error.
 */
@Command(
    name = "autogenerate",
    mixinStandardHelpOptions = true,
    versionProvider = AutogenerateCli.Version.class,
    description = {
        "Generates reviewable Java migrations from JPA entities, applies and reverts them.",
        "",
        "  autogenerate -m \"add age column\"  write a migration with what changed",
        "  autogenerate upgrade head         apply migrations",
        "  autogenerate downgrade -1         revert the newest applied one",
        "  autogenerate check                exit 1 when entities and database differ",
        ""},
    sortOptions = false)
public final class AutogenerateCli implements Callable<Integer> {

  public static final int OK = 0;
  public static final int DIFFERENCES = 1;
  public static final int ERROR = 2;

  /**
   * Hibernate's and PostgreSQL's driver's loggers, held so that they keep their level
   * (java.util.logging holds loggers weakly): a command's error is its one line, where the driver
   * would print its own warning before it (a URL without a database). Setting java.util.logging up
   * takes 20-30 ms of a cold JVM, so it starts with this class on a thread of its own, beside
   * picocli's building of the command line; the command waits for it ({@link #configureLogging})
   * before anything of Hibernate's or the driver's can log.
   */
  private static final CompletableFuture<List<Logger>> LIBRARY_LOGS = CompletableFuture.supplyAsync(
      () -> List.of(Logger.getLogger("org.hibernate"), Logger.getLogger("org.postgresql")),
      work -> onDaemonThread("autogenerate-logging-setup", work));

  /**
   * sqlite-jdbc told where the tool keeps its native library ({@link SqliteNativeLibrary}: 15-20
   * ms of a cold JVM, which reads sqlite-jdbc's version), started by {@link #main} beside
   * picocli's work, as the logging is; a command waits for it before it makes its project, so
   * before any connection. Nothing to wait for where main did not run (tests, applications).
   * The same thread then prepares the first SQLite connection ({@link SqliteFirstConnection}),
   * which nothing waits for.
   */
  private static volatile CompletableFuture<Void> sqliteLibrary = CompletableFuture.completedFuture(null);

  private final Path workingDirectory;
  private final Map<String, String> environment;
  /** The last {@link #project()} made, whose use of the caches a launch hint tells. */
  private Project project;

  @Spec CommandSpec spec;

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
      description = "Database URL (jdbc:postgresql://host/db or jdbc:sqlite:FILE); overrides AUTOGENERATE_URL and the file.")
  String url;

  @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database user; overrides AUTOGENERATE_USER.")
  String user;

  @Option(names = "--password", scope = ScopeType.INHERIT, description = "Database password; overrides AUTOGENERATE_PASSWORD.")
  String password;

  @Option(names = "--entities", scope = ScopeType.INHERIT, paramLabel = "PACKAGES",
      description = "Comma-separated packages or class names of the entities.")
  String entities;

  @Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "PATHS",
      description = "Where the compiled entity classes and their dependencies are (directories and jars).")
  String classPath;

  @Option(names = "--migrations", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Directory of the migration sources.")
  String migrations;

  @Option(names = "--migrations-package", scope = ScopeType.INHERIT, paramLabel = "PACKAGE",
      description = "Java package of generated migrations.")
  String migrationsPackage;

  @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
      description = "How long upgrade and downgrade wait for another process migrating the database (default 600).")
  String lockTimeout;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILES",
      description = "The application's active Spring profiles, comma-separated (later ones win); overrides SPRING_PROFILES_ACTIVE.")
  String profile;

  @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Properties file (default: ./autogenerate.properties).")
  Path config;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and Hibernate's log.")
  boolean debug;

  @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE",
      description = "Same as `revision --autogenerate -m MESSAGE`: write a migration with what changed.")
  String message;

  @Option(names = "--strict", description = "With -m: write nothing and exit 1 when a step may lose data or fail on rows.")
  boolean strict;

  @Option(names = "--rename", paramLabel = "OLD=NEW",
      description = {"With -m (and before revision or check): a renamed column (users.nickname=display_name)",
          "or table (users=people), renamed keeping its data, as @RenamedFrom does. Repeatable."})
  List<String> renames = new ArrayList<>();

  @Option(names = "--rev-id", hidden = true, description = "Fixed revision id (for reproducible output).")
  String revisionId;

  @Option(names = "--created", hidden = true, description = "Fixed creation time, ISO-8601 (for reproducible output).")
  Instant created;

  public AutogenerateCli(Path workingDirectory, Map<String, String> environment) {
    this.workingDirectory = workingDirectory;
    this.environment = environment;
  }

  public static void main(String[] args) {
    PhaseTimings.mainEntered();
    prepareProcess();
    int exitCode = run(Path.of("").toAbsolutePath(), System.getenv(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), args);
    // A command that never connected (init, --help) may end while the library is being copied
    // into the cache on a machine's first run: the copy is finished rather than cut off.
    awaitSqliteLibrary();
    System.exit(exitCode);
  }

  /**
   * What a process that runs commands sets up once, before its first: picocli's switches and, on
   * a thread of its own, sqlite-jdbc's native library. {@link #main} calls it, and the daemon
   * ({@code cli.daemon.CommandDaemon}) as it starts.
   */
  public static void prepareProcess() {
    leanPicocli();
    CompletableFuture<Void> copied = new CompletableFuture<>();
    sqliteLibrary = copied;
    onDaemonThread("autogenerate-sqlite-library", () -> {
      try {
        useCachedSqliteLibrary();
        copied.complete(null);
        // Not waited for: a command on PostgreSQL does not need it, and a SQLite connection finds
        // done what got done.
        SqliteFirstConnection.prepare();
      } catch (Throwable e) {
        // Only speed is at stake, never the command: nothing of it may reach stderr.
        copied.complete(null);
      }
    });
  }

  /**
   * Spares picocli two pieces of set-up this command line has no use for, 15-20 ms of the 60-70 it
   * takes to build the root command in a cold JVM: looking for Groovy's closure class (a search of
   * the class path that fails with an exception) and its converters for java.sql's types and for
   * java.time's other than {@code Instant} (the only one an option here takes), whose classes
   * build their date parsers as they are loaded. Both are picocli's own switches, set in the
   * command line's process only, and never over a value the user gave.
   */
  static void leanPicocli() {
    setIfAbsent("picocli.disable.closures", "true");
    setIfAbsent("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\.(?!Instant$).*");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Runs one command line and returns its exit code; used by {@link #main} and by tests. */
  public static int run(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err,
      String... args) {
    CommandLine commandLine = commandLine(workingDirectory, environment, out, err, args);
    if (Subcommands.needed(args).equals(Subcommands.ALL)) {
      commandLine.setParameterExceptionHandler((mistake, arguments) -> oneLine(mistake, err));
    } else {
      commandLine.setParameterExceptionHandler((mistake, arguments) -> {
        // A line that built only some subcommands (Subcommands): its mistake is told as on a
        // line with them all, whose suggestions name them. The message stays free text there
        // too, so the mistake told is the one the user made.
        CommandLine complete = commandLine(workingDirectory, environment, out, err);
        complete.setAllowSubcommandsAsOptionParameters(true);
        try {
          complete.parseArgs(arguments);
        } catch (CommandLine.ParameterException same) {
          return oneLine(same, err);
        }
        return oneLine(mistake, err);
      });
    }
    commandLine.setExecutionStrategy(parsed -> {
      Optional<String> misplaced = misplacedRevisionOption(parsed);
      if (misplaced.isPresent()) {
        err.println("error: " + misplaced.get());
        err.flush();
        return ERROR;
      }
      return new CommandLine.RunLast().execute(parsed);
    });
    int exitCode = commandLine.execute(args);
    if (exitCode <= 1) {
      commandLine.<AutogenerateCli>getCommand().leaveLaunchHint();
    }
    return exitCode;
  }

  /**
   * The options that write a migration ({@code -m}, {@code --strict}) given before another
   * command's name: that command ran and the migration was silently not written ({@code
   * autogenerate -m "add size" upgrade} said it was at head). {@code --rename} stays for the
   * commands that compare, as its description says.
   */
  private static Optional<String> misplacedRevisionOption(CommandLine.ParseResult parsed) {
    if (!parsed.hasSubcommand()) {
      return Optional.empty();
    }
    String command = parsed.subcommand().commandSpec().name();
    for (String option : List.of("--message", "--strict", "--rev-id", "--created")) {
      if (parsed.hasMatchedOption(option)) {
        String typed = option.equals("--message") ? "-m" : option;
        return Optional.of(typed + " writes a migration, which " + command + " does not: run autogenerate -m"
            + " \"MESSAGE\" on its own first, then autogenerate " + command);
      }
    }
    if (parsed.hasMatchedOption("--rename") && !command.equals("revision") && !command.equals("check")) {
      return Optional.of("--rename is for the commands that compare (revision, check), not " + command);
    }
    return Optional.empty();
  }

  /**
   * After a command that ran (exit 0 or 1), the hint the launcher asked for, about what the
   * caches now hold for the next identical command ({@link LaunchHint}).
   */
  private void leaveLaunchHint() {
    Project used = project;
    if (used != null) {
      LaunchHint.requested().ifPresent(hint -> LaunchHint.update(hint, used, workingDirectory, settingsFile()));
    }
  }

  /**
   * A mistake on the command line, in one line, as every other error: what picocli found, its
   * suggestions for a mistyped word, and where the options are listed (not the whole usage, forty
   * lines in which the one that matters scrolls away).
   */
  private static int oneLine(CommandLine.ParameterException mistake, PrintWriter err) {
    StringBuilder line = new StringBuilder("error: ").append(UserError.firstLine(mistake.getMessage()));
    if (mistake instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      line.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append('?');
    }
    CommandLine where = mistake.getCommandLine();
    line.append(" (").append(where.getCommandSpec().qualifiedName()).append(" --help lists ")
        .append(where.getSubcommands().isEmpty() ? "its options" : "the commands and their options").append(')');
    err.println(line);
    err.flush();
    return ERROR;
  }

  /** The command line, with the subcommands these arguments need (all of them for none). */
  private static CommandLine commandLine(Path workingDirectory, Map<String, String> environment, PrintWriter out,
      PrintWriter err, String... args) {
    AutogenerateCli root = new AutogenerateCli(workingDirectory, environment);
    CommandLine commandLine = new CommandLine(root);
    // First: the settings below reach only the subcommands registered when they are made.
    Subcommands.register(commandLine, args);
    commandLine.setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorReporter(root));
    commandLine.getCommandSpec().usageMessage().synopsisHeading("Usage: ");
    return commandLine;
  }

  @Override
  public Integer call() throws Exception {
    if (message == null) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return ERROR;
    }
    return RevisionCommand.autogenerate(this,
        new Project.RevisionRequest(message, revisionId, created, strict, renames));
  }

  /** The project, with settings resolved from the file, the environment and the options. */
  Project project() {
    configureLogging();
    awaitSqliteLibrary();
    EffectiveSettings effective = effectiveSettings();
    effective.warnings().forEach(warnings());
    project = new Project(effective.settings(), effective.origin(SettingsLoader.URL));
    return project;
  }

  /** The settings with where each came from. */
  EffectiveSettings effectiveSettings() {
    Map<String, String> options = new HashMap<>();
    options.put(SettingsLoader.URL, url);
    options.put(SettingsLoader.USER, user);
    options.put(SettingsLoader.PASSWORD, password);
    options.put(SettingsLoader.ENTITIES, entities);
    options.put(SettingsLoader.CLASSPATH, classPath);
    options.put(SettingsLoader.MIGRATIONS, migrations);
    options.put(SettingsLoader.MIGRATIONS_PACKAGE, migrationsPackage);
    options.put(SettingsLoader.LOCK_TIMEOUT, lockTimeout);
    options.put(SettingsLoader.PROFILE, profile);
    return SettingsLoader.resolve(workingDirectory, config, environment, options);
  }

  /** The settings file the settings are read from ({@link SettingsLoader#settingsFile}); it may not exist. */
  private Path settingsFile() {
    return SettingsLoader.settingsFile(workingDirectory, config);
  }

  /** The renames given before the command's name, then those given after it. */
  List<String> renames(List<String> ofCommand) {
    List<String> all = new ArrayList<>(renames);
    all.addAll(ofCommand);
    return all;
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  /** The environment the command runs in (its launcher's, where a daemon runs it). */
  Map<String, String> environment() {
    return environment;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where a command says what it worked around, one {@code warning: } line each, on stderr. */
  Consumer<String> warnings() {
    PrintWriter err = spec.commandLine().getErr();
    return line -> {
      err.println("warning: " + line);
      err.flush();
    };
  }

  boolean debug() {
    return debug;
  }

  private void configureLogging() {
    for (Logger library : LIBRARY_LOGS.join()) {
      library.setLevel(debug ? Level.INFO : Level.SEVERE);
    }
  }

  private static void awaitSqliteLibrary() {
    try {
      sqliteLibrary.join();
    } catch (CompletionException e) {
      // The copy failed (an Error its own catch let through): only speed is at stake, not the command.
    }
  }

  private static void useCachedSqliteLibrary() {
    try {
      SqliteNativeLibrary.useCopyIn(CacheDirectory.of("sqlite"));
    } catch (RuntimeException e) {
      // Only speed is lost: sqlite-jdbc unpacks its library as it always does.
    }
  }

  /**
   * Starts set-up work on a daemon thread of its own. The logging's starts while this class is
   * being initialized and needs it initialized: nothing in the static initializer may wait for it.
   */
  private static void onDaemonThread(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A message on one line, whatever it quotes: an exception a migration's own code threw while
   * listing its operations may hold line breaks, and an error is one line.
   */
  static String oneLine(String message) {
    return String.valueOf(message).lines().map(String::strip).filter(line -> !line.isEmpty())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /**
   * {@code --version}: the build's version, as the history rows record it (a fixed text had said
   * 0.1.0 for a 0.1.0-SNAPSHOT build).
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"autogenerate " + ToolVersion.current()};
    }
  }

  /** Prints user errors as one line, exit 2; stack traces only with --debug. */
  private static final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private final AutogenerateCli root;

    ErrorReporter(AutogenerateCli root) {
      this.root = root;
    }

    /** Where the command read the migrations, for an error that says they do not define the database's revision. */
    private String migrationsLookedIn() {
      Project project = root.project;
      return project == null ? "" : " (the migrations read: " + project.settings().migrations() + ")";
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      Optional<String> explained = Database.explained(e);
      if (e instanceof UserError) {
        // Which step failed and what it left, and then the cause the driver's words did not name.
        err.println("error: " + oneLine(e.getMessage())
            + explained.filter(cause -> !e.getMessage().contains(cause)).map(cause -> "; " + cause).orElse("")
            + (e instanceof UnknownRevisionError ? migrationsLookedIn() : ""));
      } else if (explained.isPresent()) {
        err.println("error: " + explained.get());
      } else {
        err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
            + (root.debug ? "" : " (run with --debug for details)"));
      }
      if (root.debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return ERROR;
    }
  }
}
