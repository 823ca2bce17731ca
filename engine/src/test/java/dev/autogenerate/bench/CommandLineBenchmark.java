package dev.autogenerate.bench;

import dev.autogenerate.cli.daemon.Daemons;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.CompiledClasses;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whole commands as a user runs them: the real {@code autogenerate} launcher started as a child
 * process, its wall time and peak memory read by {@code /usr/bin/time}, and its phases (start-up,
 * migrations compiled or cached, entity reading, inspection, diff, render) from the lines the
 * command prints with {@code -Dautogenerate.timings=true}. Phases that run at the same time add
 * up to more than the wall time. Prints Markdown tables; asserts only that each command does
 * what it should (an up-to-date database checks clean). Not a test: timings are read, never
 * asserted. Run by {@code ./benchmark} at the repository root (see README, "Speed").
 *
 * <p>Scenarios: {@code check} and {@code -m} on an up-to-date database of N tables (created with
 * the tool's own SQL, no history), {@code -m} on an empty database (N up to 200: the first
 * migration's render), and a history of 2 or 200 small revisions over 10 tables: {@code upgrade
 * head} on a fresh database (one transaction per revision, then all in one) and again with
 * nothing to run, then {@code check}, {@code current}
 * and {@code history}, then {@code current} as the first command after a new migration file
 * appeared, the histories' runs alternating so that their ratio is measured under the same load.
 *
 * <p>{@code --against LAUNCHER} (another checkout's {@code autogenerate}, built) runs each table
 * scenario's commands with both launchers in turn, round by round, and prints the median ratio
 * of this one's runs over the other's: on a shared machine whose speed drifts, the way to see a
 * change of 5-10%. The histories run with this launcher only (they compare two lengths already).
 *
 * <p>{@code --daemon on} runs every command in the launcher's daemon ({@code AUTOGENERATE_DAEMON=on},
 * the output through pipes): the benchmark's very first command runs in a JVM of its own and
 * starts the daemon, which it waits for (the daemon warms up first); the peak memory column is the
 * launcher's, and each daemon's own peak is printed after the table, before the benchmark stops
 * them.
 */
public final class CommandLineBenchmark {

  private static final List<String> PHASES = List.of("start-up", "migrations", "entities", "inspection", "diff", "render", "apply");

  private final Path launcher;
  /** Another checkout's launcher to compare with, or null. */
  private final Path against;
  private final Path work;
  private final int rounds;
  /** Whether commands run in the launcher's daemon ({@code --daemon on}). */
  private final boolean daemon;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> ratioLines = new ArrayList<>();

  private CommandLineBenchmark(Path launcher, Path against, Path work, int rounds, boolean daemon) {
    this.launcher = launcher;
    this.against = against;
    this.work = work;
    this.rounds = rounds;
    this.daemon = daemon;
  }

  /** One command measured: its first run (cold migration cache, new CDS archive) and the median of the rest. */
  record Row(String database, String scenario, String command, Run first, List<Run> runs) {

    long median(ToLongFunction<Run> value) {
      long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
      return sorted[sorted.length / 2];
    }

    String phase(String name) {
      boolean seen = runs.stream().anyMatch(run -> run.phases().containsKey(name));
      return seen ? String.valueOf(median(run -> run.phases().getOrDefault(name, 0L))) : "";
    }

    String markdown() {
      StringBuilder line = new StringBuilder("| %s | %s | `%s` | %.2f | %.2f | %.2f | %d |".formatted(database, scenario,
          command, first.wallMillis() / 1000.0, median(Run::wallMillis) / 1000.0, median(Run::cpuMillis) / 1000.0,
          median(Run::peakKib) / 1024));
      for (String phase : PHASES) {
        line.append(' ').append(phase(phase)).append(" |");
      }
      return line.toString();
    }
  }

  /**
   * One process: wall time, processor time (user and system, which a busy machine disturbs less
   * than the wall time), peak resident memory, and the milliseconds of each phase it reported.
   */
  record Run(long wallMillis, long cpuMillis, long peakKib, Map<String, Long> phases) {}

  /**
   * Hibernate's loggers, held at warnings: the benchmark reads entities in its own JVM to set up
   * its databases, and Hibernate's start-up lines do not belong among the figures (java.util.logging
   * holds loggers weakly, so the level would be lost with an unheld one).
   */
  private static final java.util.logging.Logger HIBERNATE_LOG = java.util.logging.Logger.getLogger("org.hibernate");

  public static void main(String[] args) throws Exception {
    HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
    List<Integer> tables = List.of(10, 200, 1000);
    List<Integer> histories = List.of(2, 200);
    List<DatabaseKind> kinds = List.of(DatabaseKind.POSTGRESQL, DatabaseKind.SQLITE);
    int rounds = 3;
    Path keep = null;
    Path against = null;
    boolean daemon = false;
    String usage = "options: --tables 10,200,1000 --revisions 2,200 --rounds 3 --databases postgresql,sqlite --keep DIR"
        + " --against OTHER_CHECKOUT/autogenerate --daemon on";
    if (args.length % 2 != 0) {
      // --help, or an option without its value: say what they are instead of running for minutes.
      System.out.println(usage);
      return;
    }
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--tables" -> tables = args[i + 1].isBlank() ? List.of() : numbers(args[i + 1]);
        case "--revisions" -> histories = args[i + 1].isBlank() ? List.of() : numbers(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--keep" -> keep = Path.of(args[i + 1]);
        case "--against" -> against = Path.of(args[i + 1]).toAbsolutePath();
        case "--daemon" -> daemon = args[i + 1].equals("on");
        case "--databases" -> kinds = Arrays.stream(args[i + 1].split(","))
            .map(name -> DatabaseKind.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage);
      }
    }
    // --keep leaves the projects (SQLite ones, with their databases, run again as they are) in that
    // folder instead of a temporary one.
    Path work = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("autogenerate-bench");
    if (against != null && !Files.isExecutable(against)) {
      throw new IllegalArgumentException("--against " + against + ": no launcher there; give another checkout's autogenerate");
    }
    CommandLineBenchmark benchmark = new CommandLineBenchmark(findLauncher(), against, work, rounds, daemon);
    // The launcher runs JAVA_HOME's JDK when it is set (an ahead-of-time cache on JDK 25 and later).
    String home = System.getenv("JAVA_HOME");
    String jdk = home != null && Files.isExecutable(Path.of(home, "bin", "java")) ? home : "the java on the PATH";
    System.out.printf("launcher %s on %s, %d rounds after a first run, %d cores%n", benchmark.launcher, jdk, rounds,
        Runtime.getRuntime().availableProcessors());
    if (against != null) {
      System.out.printf("against %s, in turns with it%n", against);
    }
    if (daemon) {
      System.out.println("in the launcher's daemon (AUTOGENERATE_DAEMON=on): start-up is not measured, peak memory is the"
          + " launcher's; the daemons' own peak follows the table");
    }
    for (DatabaseKind kind : kinds) {
      for (int count : tables) {
        benchmark.upToDate(kind, count);
        if (count <= 200) {
          benchmark.firstMigration(kind, count);
        }
      }
      if (!histories.isEmpty()) {
        benchmark.histories(kind, histories);
      }
    }
    benchmark.printTable();
    if (daemon) {
      benchmark.stopDaemons();
    }
    if (keep == null) {
      deleteTree(work);
    }
  }

  private void printTable() {
    System.out.println();
    System.out.println("| database | scenario | command | first run s | median s | processor s | peak MiB | "
        + String.join(" ms | ", PHASES) + " ms |");
    System.out.println("|---|---|---|---|---|---|---|" + "---|".repeat(PHASES.size()));
    rows.forEach(row -> System.out.println(row.markdown()));
    if (!ratioLines.isEmpty()) {
      System.out.println();
      ratioLines.forEach(System.out::println);
    }
  }

  /** {@code check} and {@code -m} on a database that already matches N entities. */
  private void upToDate(DatabaseKind kind, int count) throws Exception {
    String name = kind + "-" + count;
    TestDatabase database = keptDatabase(kind, name);
    Path project = project(name, database, entitySources(count));
    createWithToolSql(database, count);
    // Adopted, as a project's database is at its newest migration: with no migration at all,
    // check fails on a database holding the entities' tables (see UnadoptedTables).
    run(project, 0, "baseline", "-m", "the schema");
    String scenario = count + " tables, up to date";
    measure(kind, scenario, project, 0, "check");
    measure(kind, scenario, project, 0, "-m", "nothing");
    inTurns(kind, scenario + ", entities changed", "check", each -> {
      // The first command after an entity edit reads the entities through Hibernate again.
      if (Files.exists(work.resolve("cache").resolve("entities"))) {
        deleteTree(work.resolve("cache").resolve("entities"));
      }
      return run(each, project, 0, "check");
    });
    int[] edits = {0};
    inTurns(kind, scenario + ", a service changed", "check", each -> {
      // A class no entity names, rebuilt with other content, as most of a day's edits are: the
      // entities' model stays cached (see MappingClasses).
      writeService(project.resolve("classes"), ++edits[0]);
      return run(each, project, 0, "check");
    });
  }

  /** A class in the entities' package that no entity names, compiled with another greeting each time. */
  private void writeService(Path classes, int edit) throws IOException {
    Path compiled = work.resolve("service");
    EntitySources.compileInto(compiled, List.of("""
        package bench;

        public class GreetingService {
          public String greet(String name) {
            return "Hello %d, " + name;
          }
        }
        """.formatted(edit)));
    Files.copy(compiled.resolve("bench/GreetingService.class"), classes.resolve("bench/GreetingService.class"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** {@code -m} on an empty database: the whole schema's first migration, rendered. */
  private void firstMigration(DatabaseKind kind, int count) throws Exception {
    String name = kind + "-first-" + count;
    Path project = project(name, keptDatabase(kind, name), entitySources(count));
    inTurns(kind, count + " tables, empty database", "-m first", each -> {
      Run run = run(each, project, 0, "-m", "first");
      try (Stream<Path> written = Files.list(project.resolve("migrations"))) {
        for (Path file : written.toList()) {
          Files.delete(file);
        }
      }
      return run;
    });
  }

  /**
   * Histories of small revisions over 10 tables: upgrade a fresh database, then the read-only
   * commands. The histories' runs alternate (round by round, in turns of order), so that a busy
   * spell of a shared machine falls on each length alike; the ratio of each round's runs, longest
   * history over shortest, is printed with its median.
   */
  private void histories(DatabaseKind kind, List<Integer> lengths) throws Exception {
    Map<Integer, Path> projects = new TreeMap<>();
    for (int revisions : lengths) {
      Path project = project(kind + "-history-" + revisions, TestDatabases.fresh(kind), historyEntities(revisions));
      writeHistory(project.resolve("migrations"), revisions);
      projects.put(revisions, project);
    }
    Map<Integer, List<Run>> upgrades = alternate(projects, (revisions, project, round) -> {
      if (round > 0) {
        writeProperties(project, TestDatabases.fresh(kind));
      }
      return run(project, 0, "upgrade", "head");
    });
    record(kind, projects.keySet(), "upgrade head", upgrades);
    // All revisions in one transaction, as Alembic runs them by default.
    record(kind, projects.keySet(), "upgrade head --single-transaction", alternate(projects, (revisions, project, round) -> {
      writeProperties(project, TestDatabases.fresh(kind));
      return run(project, 0, "upgrade", "head", "--single-transaction");
    }));
    // Up to date, an upgrade has nothing to run: what it costs is reading the history.
    record(kind, projects.keySet(), "upgrade head (nothing to run)",
        alternate(projects, (revisions, project, round) -> run(project, 0, "upgrade", "head")));
    for (String command : List.of("check", "current", "history")) {
      record(kind, projects.keySet(), command, alternate(projects, (revisions, project, round) -> run(project, 0, command)));
    }
    // The first command after `-m` wrote a revision: the folder's entry and the new file's
    // compiled classes are missing, the other files' classes are cached. A new file each round
    // (another message, so another content), the previous one removed.
    record(kind, projects.keySet(), "current (one new migration)", alternate(projects, (revisions, project, round) -> {
      try (Stream<Path> added = Files.list(project.resolve("migrations"))) {
        for (Path file : added.filter(file -> file.getFileName().toString().startsWith("M29991231")).toList()) {
          Files.delete(file);
        }
      }
      writeNewRevision(project.resolve("migrations"), revisions, round);
      return run(project, 0, "current");
    }));
  }

  /** A revision on top of the history, as {@code -m} would write it: one column added to the first table. */
  private static void writeNewRevision(Path migrations, int revisions, int round) throws IOException {
    String name = "M29991231_%06d_new_column".formatted(round);
    Files.writeString(migrations.resolve(name + ".java"), """
        package bench.migrations;

        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.SqlType.varchar;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "%012x", revises = "%012x", message = "new column, round %d")
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.addColumn("item_0", column("extra_%d", varchar(40)));
          }

          @Override
          public void downgrade(Operations op) {
            op.dropColumn("item_0", "extra_%d");
          }
        }
        """.formatted(900_000L + round, revisions + (long) revisions * 1000, round, name, round, round));
  }

  private interface HistoryRun {
    Run run(int revisions, Path project, int round) throws Exception;
  }

  /** Each round runs every history once, forwards in even rounds and backwards in odd ones. */
  private Map<Integer, List<Run>> alternate(Map<Integer, Path> projects, HistoryRun each) throws Exception {
    Map<Integer, List<Run>> runs = new TreeMap<>();
    List<Integer> lengths = new ArrayList<>(projects.keySet());
    for (int round = 0; round <= rounds; round++) {
      List<Integer> order = new ArrayList<>(lengths);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (int revisions : order) {
        runs.computeIfAbsent(revisions, key -> new ArrayList<>()).add(each.run(revisions, projects.get(revisions), round));
      }
    }
    return runs;
  }

  private void record(DatabaseKind kind, Set<Integer> lengths, String command, Map<Integer, List<Run>> runs) {
    lengths.forEach(revisions -> record(kind, "10 tables, " + revisions + " revisions", command, runs.get(revisions)));
    int shortest = lengths.stream().min(Integer::compare).orElseThrow();
    int longest = lengths.stream().max(Integer::compare).orElseThrow();
    if (shortest != longest) {
      String wall = ratios(runs.get(longest), runs.get(shortest), Run::wallMillis);
      String cpu = ratios(runs.get(longest), runs.get(shortest), Run::cpuMillis);
      ratioLines.add("%s `%s`: %d over %d revisions, median ratio of wall time %s; of processor time %s".formatted(
          kind.name().toLowerCase(Locale.ROOT), command, longest, shortest, wall, cpu));
      System.out.println(ratioLines.get(ratioLines.size() - 1));
    }
  }

  /** The median of the rounds' ratios, then each round's, smallest first (the first run left out). */
  private String ratios(List<Run> numerators, List<Run> denominators, ToLongFunction<Run> value) {
    double[] ratios = new double[rounds];
    for (int round = 1; round <= rounds; round++) {
      ratios[round - 1] = (double) value.applyAsLong(numerators.get(round))
          / Math.max(1, value.applyAsLong(denominators.get(round)));
    }
    Arrays.sort(ratios);
    return "%.2f (rounds: %s)".formatted(ratios[ratios.length / 2],
        Arrays.stream(ratios).mapToObj(ratio -> "%.2f".formatted(ratio)).collect(Collectors.joining(" ")));
  }

  private void measure(DatabaseKind kind, String scenario, Path project, int exitCode, String... command)
      throws Exception {
    inTurns(kind, scenario, String.join(" ", command), each -> run(each, project, exitCode, command));
  }

  private interface LauncherRun {
    Run run(Path launcher) throws Exception;
  }

  /**
   * A first run and the rounds, with this launcher, and with {@link #against} in turns (which
   * goes first alternating), then a line with the median ratio of this one's runs over the other's.
   */
  private void inTurns(DatabaseKind kind, String scenario, String command, LauncherRun each) throws Exception {
    List<Run> runs = new ArrayList<>();
    List<Run> others = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      if (against != null && round % 2 == 1) {
        others.add(each.run(against));
      }
      runs.add(each.run(launcher));
      if (against != null && round % 2 == 0) {
        others.add(each.run(against));
      }
    }
    record(kind, scenario, command, runs);
    if (against != null) {
      record(kind, scenario, command + " (against)", others);
      String line = "%s %s `%s`: this over against, median ratio of wall time %s; of processor time %s".formatted(
          kind.name().toLowerCase(Locale.ROOT), scenario, command, ratios(runs, others, Run::wallMillis),
          ratios(runs, others, Run::cpuMillis));
      ratioLines.add(line);
      System.out.println(line);
    }
  }

  private void record(DatabaseKind kind, String scenario, String command, List<Run> runs) {
    Row row = new Row(kind.name().toLowerCase(Locale.ROOT), scenario, command, runs.get(0), runs.subList(1, runs.size()));
    rows.add(row);
    System.out.println(row.markdown());
  }

  private Run run(Path project, int exitCode, String... command) throws Exception {
    return run(launcher, project, exitCode, command);
  }

  /** Runs a launcher once in {@code project} and reads what it and {@code /usr/bin/time} reported. */
  private Run run(Path launcher, Path project, int exitCode, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("/usr/bin/time", "-f", "autogenerate-bench %e %M %U %S", launcher.toString()));
    line.addAll(List.of(command));
    Path out = project.resolve("out.txt");
    Path err = project.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(line).directory(project.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    // Options to compare (-XX:TieredStopAtLevel=4, -XX:+UseG1GC) come through, after the timings switch.
    String extra = System.getenv().getOrDefault("AUTOGENERATE_JAVA_OPTS", "");
    builder.environment().put("AUTOGENERATE_JAVA_OPTS", ("-Dautogenerate.timings=true " + extra).trim());
    builder.environment().put("AUTOGENERATE_CACHE", work.resolve("cache").toString());
    // The launcher's archives measured as a developer's machine has them, even in a CI job (which
    // writes none unless asked); AUTOGENERATE_CDS=off still compares without them.
    builder.environment().putIfAbsent("AUTOGENERATE_CDS", "on");
    // Off unless measured: not the environment's, nor the launcher's default at a terminal.
    builder.environment().put("AUTOGENERATE_DAEMON", daemon ? "on" : "off");
    long startedAt = System.currentTimeMillis();
    int exit = daemon ? throughPipes(builder, out, err) : builder.start().waitFor();
    long endedAt = System.currentTimeMillis();
    if (daemon) {
      awaitDaemon();
    }
    if (exit != exitCode) {
      throw new IllegalStateException(String.join(" ", command) + " in " + project + " exited " + exit + ":\n"
          + Files.readString(out) + Files.readString(err));
    }
    Map<String, Long> phases = new TreeMap<>();
    long peakKib = 0;
    long cpuMillis = 0;
    for (String reported : Files.readAllLines(err)) {
      String[] words = reported.split(" ");
      if (words[0].equals("autogenerate-timing-main-at")) {
        phases.put("start-up", Long.parseLong(words[1]) - startedAt);
      } else if (words[0].equals("autogenerate-timing")) {
        phases.merge(words[1], Long.parseLong(words[2]), Long::sum);
      } else if (words[0].equals("autogenerate-bench")) {
        peakKib = Long.parseLong(words[2]);
        cpuMillis = Math.round((Double.parseDouble(words[3]) + Double.parseDouble(words[4])) * 1000);
      }
    }
    return new Run(endedAt - startedAt, cpuMillis, peakKib, phases);
  }

  /**
   * Runs the command with its output through pipes into the two files, as the launcher sends a
   * command to its daemon only where the output is a pipe or a terminal (a file would be written
   * over); its exit code once both pipes are drained.
   */
  private static int throughPipes(ProcessBuilder builder, Path out, Path err) throws Exception {
    builder.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    Thread outCopy = new Thread(() -> copy(process.getInputStream(), out));
    Thread errCopy = new Thread(() -> copy(process.getErrorStream(), err));
    outCopy.start();
    errCopy.start();
    int exit = process.waitFor();
    outCopy.join();
    errCopy.join();
    return exit;
  }

  private static void copy(java.io.InputStream from, Path to) {
    try (from) {
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Waits (up to a minute) for the daemon the first command without one started after it: it
   * warms up before it takes commands, and until then they run in JVMs of their own, which would
   * be measured as the daemon's.
   */
  private void awaitDaemon() throws Exception {
    for (int i = 0; i < 600 && Daemons.in(daemons()).isEmpty(); i++) {
      Thread.sleep(100);
    }
  }

  private Path daemons() {
    return work.resolve("cache").resolve("daemons");
  }

  /** Prints each daemon's peak resident memory, then stops them (they live in the benchmark's cache folder). */
  private void stopDaemons() throws Exception {
    for (Daemons.Running daemon : Daemons.in(daemons())) {
      long pid = daemon.process().pid();
      Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(line -> line.startsWith("VmHWM:")).findFirst().ifPresent(peak -> System.out.printf(
              "daemon pid %d: peak resident %d MiB%n", pid, Long.parseLong(peak.replaceAll("\\D", "")) / 1024));
    }
    ProcessBuilder stop = new ProcessBuilder(launcher.toString(), "daemon", "stop").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    stop.environment().put("AUTOGENERATE_CACHE", work.resolve("cache").toString());
    stop.start().waitFor();
  }

  /**
   * A fresh database for a project {@code --keep} may leave: on SQLite a file beside the projects
   * (the test databases' own folder is deleted when the benchmark's JVM ends), so the projects
   * can run again, or be compared with another tool, afterwards. PostgreSQL's test server stops
   * with the JVM, so its projects are kept for their files only.
   */
  private TestDatabase keptDatabase(DatabaseKind kind, String name) throws Exception {
    if (kind != DatabaseKind.SQLITE) {
      return TestDatabases.fresh(kind);
    }
    Path file = work.resolve(name + ".db");
    Files.deleteIfExists(file);
    TestDatabase database = new TestDatabase(kind, "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    database.open().close(); // SQLite creates the file on connecting
    return database;
  }

  private Path project(String name, TestDatabase database, List<String> entitySources) throws IOException {
    Path project = Files.createDirectories(work.resolve(name));
    Files.createDirectories(project.resolve("migrations"));
    EntitySources.compileInto(project.resolve("classes"), entitySources);
    writeProperties(project, database);
    return project;
  }

  private static void writeProperties(Path project, TestDatabase database) throws IOException {
    List<String> lines = new ArrayList<>(List.of("url=" + database.url(), "entities=bench", "classpath=classes",
        "migrations=migrations"));
    if (database.user() != null) {
      lines.add("user=" + database.user());
      lines.add("password=" + database.password());
    }
    Files.write(project.resolve("autogenerate.properties"), lines);
  }

  /** The schema of the entities, created with the tool's own SQL: a database already up to date. */
  private static void createWithToolSql(TestDatabase database, int count) throws Exception {
    CompiledClasses compiled = EntitySources.compile(entitySources(count).toArray(String[]::new));
    List<Class<?>> classes = compiled.loadClasses();
    Schema entities = new EntityModelReader(EntityModelOptions.using(classes.get(0).getClassLoader())).read(classes);
    try (Connection connection = database.open()) {
      createWithToolSql(connection, entities, Database.forKind(database.kind()));
    }
  }

  /** Creates a schema with the tool's own SQL, in one transaction. */
  static void createWithToolSql(Connection connection, Schema schema, Database dialect) throws Exception {
    MigrationPlan plan = new SchemaComparison(dialect.comparisonRules()).compare(Schema.EMPTY, schema);
    List<Operation> operations = new ArrayList<>();
    plan.upgradeChanges().forEach(step -> operations.add(step.operation()));
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : dialect.statements(operations, Schema.EMPTY)) {
        statement.execute(sql);
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
  }

  /** Entities like a real application's: ids, strings, numbers, times, a reference, a unique and an index. */
  static List<String> entitySources(int count) {
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String reference = i == 0 ? "" : "  @ManyToOne Entity" + (i - 1) + " previous;\n";
      sources.add("""
          package bench;

          import jakarta.persistence.*;
          import java.math.BigDecimal;
          import java.time.Instant;

          @Entity
          @Table(name = "table_%1$d", indexes = @Index(columnList = "created, name"))
          public class Entity%1$d {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
            @Column(nullable = false, unique = true, length = 100) String code;
            String name;
            @Column(precision = 12, scale = 2) BigDecimal amount;
            Integer quantity;
            boolean active;
            Instant created;
          %2$s}
          """.formatted(i, reference));
    }
    return sources;
  }

  /**
   * Ten entities, each with the columns {@code c_2} .. {@code c_200} whose number leaves its own
   * number when divided by ten: the history adds them, one per revision or all in the second.
   */
  private static List<String> historyEntities(int revisions) {
    List<String> sources = new ArrayList<>();
    for (int table = 0; table < 10; table++) {
      StringBuilder columns = new StringBuilder();
      for (int column : addedColumns(table)) {
        columns.append("  @Column(name = \"c_%d\") String c%d;\n".formatted(column, column));
      }
      sources.add("""
          package bench;

          import jakarta.persistence.*;

          @Entity
          @Table(name = "item_%1$d")
          public class Item%1$d {
            @Id Long id;
            String name;
          %2$s}
          """.formatted(table, columns));
    }
    return sources;
  }

  private static List<Integer> addedColumns(int table) {
    List<Integer> columns = new ArrayList<>();
    for (int column = 2; column <= 200; column++) {
      if (column % 10 == table) {
        columns.add(column);
      }
    }
    return columns;
  }

  /**
   * The first revision creates the ten tables; the others add the 199 columns, one each (200
   * revisions) or all at once (2): the same schema at the end, so only the history's length differs.
   */
  private static void writeHistory(Path migrations, int revisions) throws IOException {
    StringBuilder create = new StringBuilder();
    StringBuilder drop = new StringBuilder();
    for (int table = 0; table < 10; table++) {
      create.append("    op.createTable(\"item_%d\", column(\"id\", BIGINT).notNull(), column(\"name\", varchar(255)),"
          .formatted(table)).append(" primaryKey(\"id\"));\n");
      drop.append("    op.dropTable(\"item_%d\");\n".formatted(9 - table));
    }
    writeRevision(migrations, 1, revisions, create.toString(), drop.toString());
    List<String> adds = new ArrayList<>();
    for (int column = 2; column <= 200; column++) {
      adds.add("    op.addColumn(\"item_%d\", column(\"c_%d\", varchar(255)));\n".formatted(column % 10, column));
    }
    if (revisions == 2) {
      writeRevision(migrations, 2, revisions, String.join("", adds), drops(2, 200));
    } else {
      for (int revision = 2; revision <= revisions; revision++) {
        int column = Math.min(revision, 200);
        writeRevision(migrations, revision, revisions, adds.get(column - 2), drops(column, column));
      }
    }
  }

  private static String drops(int from, int to) {
    StringBuilder drops = new StringBuilder();
    for (int column = to; column >= from; column--) {
      drops.append("    op.dropColumn(\"item_%d\", \"c_%d\");\n".formatted(column % 10, column));
    }
    return drops.toString();
  }

  private static void writeRevision(Path migrations, int number, int of, String upgrade, String downgrade)
      throws IOException {
    String name = "M20260101_%06d_step_%d".formatted(number, number);
    String revises = number == 1 ? "" : "revises = \"%012x\", ".formatted(number - 1 + (long) of * 1000);
    Files.writeString(migrations.resolve(name + ".java"), """
        package bench.migrations;

        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.PrimaryKey.primaryKey;
        import static dev.autogenerate.schema.SqlType.BIGINT;
        import static dev.autogenerate.schema.SqlType.varchar;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "%012x", %smessage = "step %d")
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
        %s  }

          @Override
          public void downgrade(Operations op) {
        %s  }
        }
        """.formatted(number + (long) of * 1000, revises, number, name, upgrade, downgrade));
  }

  private static List<Integer> numbers(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  /** The launcher at the repository root, found from the working directory upwards. */
  private static Path findLauncher() {
    String configured = System.getProperty("autogenerate.launcher");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
      Path launcher = directory.resolve("autogenerate");
      if (Files.isRegularFile(launcher) && Files.isExecutable(launcher)) {
        return launcher;
      }
    }
    throw new IllegalStateException("no autogenerate launcher above " + Path.of("").toAbsolutePath()
        + ": run from the repository, or pass -Dautogenerate.launcher=PATH");
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
