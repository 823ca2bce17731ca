package dev.autogenerate.maven;

import dev.autogenerate.cli.AutogenerateCli;
import dev.autogenerate.project.Misspellings;
import dev.autogenerate.project.SettingsLoader;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs one autogenerate command on the current Maven project. The command line does the work
 * ({@link AutogenerateCli#run}), so a goal behaves exactly as the command of the same name; this
 * class only supplies what Maven knows (class path, source folder, base directory) as options,
 * prints the command's output through Maven's log, and turns its exit code into the build result.
 */
abstract class AbstractAutogenerateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** This goal's execution: its name heads the messages, so the user sees which goal failed. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  /** This build: its {@code -D} properties override the POM's configuration (see {@link #setting}). */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** JDBC URL; otherwise {@code AUTOGENERATE_URL} or {@code url=} in {@code autogenerate.properties}. */
  @Parameter(property = "autogenerate.url")
  String url;

  /** Database user; otherwise {@code AUTOGENERATE_USER} or {@code user=} in the file. */
  @Parameter(property = "autogenerate.user")
  String user;

  /** Database password; otherwise {@code AUTOGENERATE_PASSWORD} or {@code password=} in the file. */
  @Parameter(property = "autogenerate.password")
  String password;

  /**
   * Package of the migrations, under {@link #migrationsRoot}. Default: {@code migrations=} from
   * {@code autogenerate.properties}, else {@code <groupId>.migrations}.
   */
  @Parameter(property = "autogenerate.migrationsPackage")
  String migrationsPackage;

  /** Source folder the migrations package lies in: the project's, so that its build compiles them. */
  @Parameter(property = "autogenerate.migrationsRoot", defaultValue = "${project.build.sourceDirectory}")
  File migrationsRoot;

  /**
   * Packages or class names of the entities, comma-separated. Default: {@code entities=} from the
   * file, else the packages of the project's own compiled classes and of its dependencies of the
   * same groupId (its sibling modules, where a domain module's entities are).
   */
  @Parameter(property = "autogenerate.entities")
  String entities;

  /**
   * The application's active Spring profiles, comma-separated, for its {@code application-*.yml}
   * and {@code .properties}. Default: {@code -Dspring.profiles.active}, as the application would
   * take it, else {@code SPRING_PROFILES_ACTIVE}, else the files' own.
   */
  @Parameter(property = "autogenerate.profile")
  String profile;

  /** Skips the goal, e.g. {@code -Dautogenerate.skip} where no database is at hand. */
  @Parameter(property = "autogenerate.skip", defaultValue = "false")
  boolean skip;

  /** Show stack traces and Hibernate's log. */
  @Parameter(property = "autogenerate.debug", defaultValue = "false")
  boolean debug;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    try {
      run();
    } catch (WrongFlag e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  private void run() throws MojoExecutionException, MojoFailureException {
    if (enabled("autogenerate.skip", skip)) {
      getLog().info("autogenerate: skipped (autogenerate.skip)");
      return;
    }
    Optional<String> elsewhere = notHere();
    if (elsewhere.isPresent()) {
      getLog().info("autogenerate: skipped in " + project.getArtifactId() + " (" + elsewhere.get() + ")");
      requireSomeModuleRan();
      return;
    }
    if (session != null) {
      RAN_IN.put(session, Boolean.TRUE);
    }
    warnOfUnknownProperties();
    beforeRun();
    List<String> args = new ArrayList<>(command());
    args.addAll(projectOptions());
    Path workingDirectory = project.getBasedir().toPath();
    LogWriter out = new LogWriter(this::printOutput);
    LogWriter err = new LogWriter(line -> {
      if (line.startsWith("warning:") || line.startsWith("note:")) {
        getLog().warn(MavenWording.of(line));
      } else if (!line.startsWith("error:")) {
        // A stack trace (debug): the error's own line is the failure's, which Maven prints once.
        getLog().error(line);
      }
    });
    int exitCode;
    try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
      exitCode = AutogenerateCli.run(workingDirectory, System.getenv(), outWriter, errWriter, args.toArray(String[]::new));
    }
    finish(exitCode, out.text(), err.text());
  }

  /** The builds in which this goal ran in some module (a reactor skips the modules not declaring it). */
  private static final Map<MavenSession, Boolean> RAN_IN = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Whether a build whose every module skipped the goal fails: a gate such as check must not pass
   * having checked nothing (the plugin declared nowhere the reactor reaches).
   */
  boolean mustRunSomewhere() {
    return false;
  }

  /** At the reactor's last module, fails a gate that ran in none (not in a parallel build, whose order differs). */
  private void requireSomeModuleRan() throws MojoFailureException {
    if (!mustRunSomewhere() || session == null || session.isParallel()) {
      return;
    }
    List<MavenProject> modules = session.getProjects();
    if (!modules.isEmpty() && modules.get(modules.size() - 1) == project && !RAN_IN.containsKey(session)) {
      throw new MojoFailureException(goal() + " ran in no module of this build: none declares the plugin (in"
          + " <plugins>, or in its own <pluginManagement>); declare it in the application's module, or run the goal"
          + " there (-pl)");
    }
  }

  /**
   * Whether the goal compares the entities, so needs their classes built; those that only run,
   * list or script the migrations do not.
   */
  boolean readsEntities() {
    return false;
  }

  /**
   * Maven ignores a {@code -D} no parameter reads: {@code -Dautogenerate.strcit} ran a check that
   * was not strict, without a word. A warning names it, and the parameter it likely meant (not a
   * failure: the same build may pass {@code -Dautogenerate.*} to the starter of the tests it runs).
   */
  private void warnOfUnknownProperties() {
    if (session == null || mojoExecution == null || mojoExecution.getMojoDescriptor() == null) {
      return;
    }
    Set<String> known = new TreeSet<>(List.of("autogenerate.renames", "autogenerate.revisions", "autogenerate.cache"));
    for (MojoDescriptor goal : mojoExecution.getMojoDescriptor().getPluginDescriptor().getMojos()) {
      for (org.apache.maven.plugin.descriptor.Parameter parameter : goal.getParameters()) {
        String expression = parameter.getExpression();
        if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
          known.add(expression.substring(2, expression.length() - 1));
        }
      }
    }
    unknownProperties(session.getUserProperties().stringPropertyNames(), known).forEach(getLog()::warn);
  }

  /** A warning for each {@code autogenerate.*} property typed that is none of the known ones. */
  static List<String> unknownProperties(Set<String> typed, Set<String> known) {
    String prefix = "autogenerate.";
    List<String> names = known.stream().filter(name -> name.startsWith(prefix)).map(name -> name.substring(prefix.length()))
        .toList();
    List<String> warnings = new ArrayList<>();
    for (String property : new TreeSet<>(typed)) {
      if (property.startsWith(prefix) && !known.contains(property)) {
        // Compared without the prefix every one shares, which would make any short name look close.
        warnings.add("autogenerate: -D" + property + " is no parameter of this plugin and is ignored"
            + Misspellings.closest(property.substring(prefix.length()), names)
                .map(meant -> " (did you mean -D" + prefix + meant + "?)").orElse(""));
      }
    }
    return warnings;
  }

  /** What a goal checks or says before its command runs; nothing by default. */
  void beforeRun() throws MojoExecutionException {}

  /**
   * Where a line the command prints on its standard output goes: Maven's log, a warning (a step
   * that may lose data, a look-alike rename) as a warning, in the build's words (goals and
   * parameters, not the command line's).
   */
  void printOutput(String line) {
    String said = MavenWording.of(line);
    if (line.startsWith("warning:")) {
      getLog().warn(said);
    } else {
      getLog().info(said);
    }
  }

  /** The command and its own arguments, e.g. {@code upgrade head}. */
  abstract List<String> command() throws MojoFailureException;

  /**
   * Turns the exit code into the build's result: 1 (differences) fails the build, 2 (an error the
   * command already explained in one line) is an error of the build.
   */
  void finish(int exitCode, String out, String err) throws MojoExecutionException, MojoFailureException {
    if (exitCode == AutogenerateCli.DIFFERENCES) {
      throw new MojoFailureException(differencesFound(goal(), out, getLog().isInfoEnabled()));
    }
    if (exitCode != AutogenerateCli.OK) {
      // The error's line, without the warnings before it (logged as such already).
      String error = err.strip().lines().filter(line -> line.startsWith("error:")).findFirst().orElse(err.strip());
      throw new MojoExecutionException(goal() + " failed: " + MavenWording.of(error)
          + (enabled("autogenerate.debug", debug) ? "" : " (run with -Dautogenerate.debug for details)"));
    }
  }

  /**
   * The failure of a goal that found differences, which Maven repeats at the end of the build: what
   * it is and what to do, in the goals' words as the log's lines above are. Those lines are in the
   * log just above, unless the build logs no INFO (mvn -q): then here, the result first.
   */
  static String differencesFound(String goal, String out, boolean infoLogged) {
    List<String> lines = out.strip().lines().toList();
    if (lines.size() <= 1 || infoLogged) {
      String reason = MavenWording.of(failureReason(lines));
      return goal + " failed: " + (lines.size() <= 1 ? reason : reason + " (listed above)");
    }
    int result = resultLine(lines);
    List<String> resultFirst = new ArrayList<>(lines.subList(result, lines.size()));
    resultFirst.addAll(lines.subList(0, result));
    return goal + " failed: " + String.join("\n", resultFirst.stream().map(MavenWording::of).toList());
  }

  /**
   * Why the goal failed, in one line: its result (see {@link #resultLine}), with the first
   * difference when check's summary only introduces them.
   */
  static String failureReason(List<String> lines) {
    if (lines.isEmpty()) {
      return "differences found";
    }
    int result = resultLine(lines);
    String line = lines.get(result);
    if (!line.startsWith("Differences") || !line.endsWith(":") || result + 1 == lines.size()) {
      return line.replaceFirst(":$", "");
    }
    return line + " " + firstDifference(lines.get(result + 1));
  }

  /**
   * Where the output says its result: what the command concluded where it says so (generate
   * --strict: "Nothing written ..."), else check's summary ("Differences: ..."), else its first
   * line that is neither a note nor a warning. The notes and warnings check prints before its
   * summary (an index only the database has) only accompany the failure: named as its reason, they
   * would send the reader after the wrong thing.
   */
  private static int resultLine(List<String> lines) {
    int concluded = indexOfFirst(lines, line -> line.startsWith("Nothing written"));
    if (concluded >= 0) {
      return concluded;
    }
    int summary = indexOfFirst(lines, line -> line.startsWith("Differences"));
    if (summary >= 0) {
      return summary;
    }
    return Math.max(0, indexOfFirst(lines, line -> !isAside(line)));
  }

  /** A note or a warning: what a command prints beside its result, not the result. */
  private static boolean isAside(String line) {
    return line.startsWith("note: ") || line.startsWith("warning: ");
  }

  /**
   * The first line listed under the summary, as the failure names it: a step without the reason
   * check gives it in parentheses, a warning (the difference itself when nothing is to migrate)
   * without its label, which the summary before it makes plain.
   */
  private static String firstDifference(String line) {
    String item = line.strip().replaceFirst("^warning: ", "");
    int reason = line.startsWith("  ") ? item.indexOf("  (") : -1;
    return reason < 0 ? item : item.substring(0, reason);
  }

  private static int indexOfFirst(List<String> lines, Predicate<String> test) {
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code autogenerate:check}, as the user would type it. */
  String goal() {
    return "autogenerate:" + mojoExecution.getGoal();
  }

  /**
   * A parameter's value: the build's {@code -Dautogenerate.NAME} first, then the POM's
   * configuration. Maven itself lets the POM win over a property, so a command line naming another
   * database ({@code -Dautogenerate.url=...}) would silently run on the POM's; as with Flyway's
   * plugin, what is typed for this build wins.
   */
  String setting(String property, String configured) {
    String typed = session == null ? null : session.getUserProperties().getProperty(property);
    // A blank one (-Dautogenerate.url=$DB_URL with the variable unset) is no setting.
    return typed != null && !typed.isBlank() ? typed : configured;
  }

  /**
   * A setting the goal cannot do without, as {@link #setting} finds it.
   *
   * @param missing the build's failure when it is not given: which goal needs it, and an example
   * @throws MojoFailureException when it is neither typed nor configured
   */
  String required(String property, String configured, String missing) throws MojoFailureException {
    String value = setting(property, configured);
    if (value == null || value.isBlank()) {
      throw new MojoFailureException(missing);
    }
    return value;
  }

  /**
   * A command, with {@code --single-transaction} or {@code --no-single-transaction} as typed for
   * this build or configured in the POM; neither when unset, so the settings decide.
   */
  List<String> inOneTransactionIf(Boolean configured, String... command) {
    List<String> words = new ArrayList<>(List.of(command));
    // -Dautogenerate.singleTransaction alone is "true" to Maven.
    String single = setting("autogenerate.singleTransaction", configured == null ? null : configured.toString());
    if (single != null) {
      words.add(flag("autogenerate.singleTransaction", single) ? "--single-transaction" : "--no-single-transaction");
    }
    return words;
  }

  /**
   * The command with {@code --lock-timeout} when the build types {@code -Dautogenerate.lockTimeout}
   * or the POM configures it: the settings file was the only way, and a pipeline waiting longer for
   * a slow deploy could not say so (a user test).
   */
  List<String> waitingAtMost(String configured, List<String> command) {
    String seconds = setting("autogenerate.lockTimeout", configured);
    List<String> words = new ArrayList<>(command);
    if (seconds != null && !seconds.isBlank()) {
      words.add("--lock-timeout");
      words.add(seconds.trim());
    }
    return words;
  }

  /**
   * The command line's {@code --rename} options: the build's {@code -Dautogenerate.renames}
   * (comma-separated) first, then the POM's {@code <renames>}.
   */
  List<String> renameOptions(List<String> configured) {
    List<String> words = new ArrayList<>();
    for (String rename : listSetting("autogenerate.renames", configured)) {
      words.add("--rename");
      words.add(rename);
    }
    return words;
  }

  /**
   * A list parameter: as typed for this build (comma-separated) first, else the POM's list; each
   * item stripped, blank ones left out.
   */
  List<String> listSetting(String property, List<String> configured) {
    String typed = setting(property, null);
    List<String> items = typed != null ? List.of(typed.split(",")) : configured == null ? List.of() : configured;
    return items.stream().map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  /** A switch the same way ({@code -Dautogenerate.skip} alone is "true" to Maven); a blank one is no setting. */
  boolean enabled(String property, boolean configured) {
    String typed = session == null ? null : session.getUserProperties().getProperty(property);
    return typed == null || typed.isBlank() ? configured : flag(property, typed);
  }

  /**
   * {@code true} or {@code false}, in any case. Anything else fails the goal rather than read as
   * false, as Maven reads its own: {@code -Dautogenerate.skip=yes} would run against the database.
   */
  static boolean flag(String property, String typed) {
    return SettingsLoader.trueOrFalse(typed)
        .orElseThrow(() -> new WrongFlag("-D" + property + " must be true or false, not '" + typed + "'"));
  }

  /** A switch typed as neither true nor false; the goal fails with its message. */
  private static final class WrongFlag extends RuntimeException {
    WrongFlag(String message) {
      super(message);
    }
  }

  /**
   * Why this module is no place for the goal, if it is not: a goal typed on the command line runs
   * in every module of a multi-module build, where only the application's module declares the
   * plugin; the parent (packaging pom) and the other modules would each write or check
   * migrations of their own against the same database.
   */
  Optional<String> notHere() {
    if ("pom".equals(project.getPackaging())) {
      return Optional.of("a pom module has no classes");
    }
    boolean multiModule = session != null && session.getProjects().size() > 1;
    return multiModule && !declaresThePlugin() ? Optional.of("this module does not declare the plugin") : Optional.empty();
  }

  /**
   * Whether the module's build uses the plugin, or its own POM names it in {@code
   * <pluginManagement>} (for the goals typed, as the samples do): a parent's pluginManagement,
   * which every module inherits, does not count.
   */
  private boolean declaresThePlugin() {
    if (project.getBuildPlugins().stream().anyMatch(AbstractAutogenerateMojo::isThisPlugin)) {
      return true;
    }
    Build build = project.getOriginalModel().getBuild();
    return build != null && build.getPluginManagement() != null
        && build.getPluginManagement().getPlugins().stream().anyMatch(AbstractAutogenerateMojo::isThisPlugin);
  }

  private static boolean isThisPlugin(Plugin plugin) {
    return "autogenerate-maven-plugin".equals(plugin.getArtifactId());
  }

  private List<String> projectOptions() throws MojoExecutionException {
    ProjectSettings settings = ProjectSettings.read(project.getBasedir().toPath());
    Map<Path, Path> siblings = siblingOutputs();
    List<String> options = new ArrayList<>();
    option(options, "--url", setting("autogenerate.url", url));
    option(options, "--user", setting("autogenerate.user", user));
    option(options, "--password", setting("autogenerate.password", password));
    // Typed for this build first (the tool's property, then Spring's), then the POM's.
    String profiles = setting("autogenerate.profile", setting("spring.profiles.active", profile));
    option(options, "--profile", profiles);
    option(options, "--classpath", String.join(",", entityClassPath(siblings)));
    String packageName = setting("autogenerate.migrationsPackage", migrationsPackage);
    if (packageName == null && !settings.setsMigrations()) {
      // Where earlier runs wrote them; else where the Spring Boot starter looks for them (its
      // setting, else its default beside the application class); else under the groupId.
      String groupPackage = ProjectSettings.defaultMigrationsPackage(project.getGroupId());
      if (ProjectSettings.holdsMigrations(migrationsRoot().resolve(groupPackage.replace('.', '/')))) {
        packageName = groupPackage;
      } else {
        List<Path> configurationFolders = new ArrayList<>(resourceFolders());
        // The compiled copy last, as the application runs with it (resources filtered by the build).
        configurationFolders.add(Path.of(project.getBuild().getOutputDirectory()));
        packageName = ProjectSettings.springBootMigrationsPackage(project.getBasedir().toPath(), configurationFolders,
            profiles).orElse(groupPackage);
      }
    }
    if (packageName != null) {
      // The option names the folder; the package follows from it, and is given too for clarity.
      option(options, "--migrations", migrationsRoot().resolve(packageName.replace('.', '/')).toString());
      option(options, "--migrations-package", packageName);
    }
    String entityPackages = setting("autogenerate.entities", entities);
    if (entityPackages == null && !settings.setsEntities()) {
      entityPackages = String.join(",", ProjectSettings.ownPackages(ownClasses(siblings)));
    }
    if (entityPackages != null && !entityPackages.isBlank()) {
      option(options, "--entities", entityPackages);
    }
    if (enabled("autogenerate.debug", debug)) {
      options.add("--debug");
    }
    return options;
  }

  /** The folder the migrations' packages lie in, against the base directory where relative. */
  private Path migrationsRoot() {
    return project.getBasedir().toPath().resolve(setting("autogenerate.migrationsRoot", migrationsRoot.getPath()));
  }

  /** The project's resource folders (application.properties and the like). */
  List<Path> resourceFolders() {
    return resourceFolders(project);
  }

  /** A module's resource folders, as its POM declares them. */
  static List<Path> resourceFolders(MavenProject module) {
    return module.getBuild().getResources().stream().map(resource -> Path.of(resource.getDirectory())).toList();
  }

  /**
   * Where the project's own classes are: its output folder, and its dependencies of the same
   * groupId and version (its sibling modules: their jars, or their output folders in the same
   * reactor).
   *
   * @param reactor the siblings' jars and their output folders ({@link #siblingOutputs})
   */
  private List<Path> ownClasses(Map<Path, Path> reactor) {
    List<Path> places = new ArrayList<>();
    places.add(Path.of(project.getBuild().getOutputDirectory()));
    for (Artifact artifact : project.getArtifacts()) {
      // A sibling module shares the groupId and the version; a library of the same organisation
      // (com.acme's shared jars) has a version of its own. Provided and test jars are not run with.
      boolean sibling = artifact.getGroupId().equals(project.getGroupId())
          && artifact.getBaseVersion().equals(project.getVersion());
      boolean runtime = Artifact.SCOPE_COMPILE.equals(artifact.getScope()) || Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
      if (sibling && runtime && artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath()) {
        places.add(reactor.getOrDefault(artifact.getFile().toPath(), artifact.getFile().toPath()));
      }
    }
    return places;
  }

  /**
   * The jars of sibling modules of this multi-module build, each with its module's output folder
   * in its place. A goal typed alone ({@code mvn autogenerate:check} at the root, no compile phase)
   * gets a sibling's jar from the local repository, as installed last, though the sibling was
   * compiled since: an entity edited there was not seen, and check said OK. The output folder is
   * what a build with a compile phase gives, and what the developer compiled last. The modules
   * {@code -pl} leaves out count too: {@code mvn -pl app autogenerate:check} read the domain
   * module's installed jar.
   */
  private Map<Path, Path> siblingOutputs() {
    Map<Path, Path> outputs = new HashMap<>();
    siblingModules().forEach((jar, module) -> outputs.put(jar, Path.of(module.getBuild().getOutputDirectory())));
    return outputs;
  }

  /** The sibling modules whose output folders stand for their jars ({@link #siblingOutputs}), by jar. */
  Map<Path, MavenProject> siblingModules() {
    Map<Path, MavenProject> modules = new HashMap<>();
    if (session == null) {
      return modules;
    }
    // All the build's modules, those -pl selected or not.
    List<MavenProject> all = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() == null || !artifact.getFile().isFile()) {
        continue;
      }
      for (MavenProject module : all) {
        Path classes = Path.of(module.getBuild().getOutputDirectory());
        if (module != project && module.getGroupId().equals(artifact.getGroupId())
            && module.getArtifactId().equals(artifact.getArtifactId())
            && module.getVersion().equals(artifact.getBaseVersion()) && Files.isDirectory(classes)) {
          modules.put(artifact.getFile().toPath(), module);
        }
      }
    }
    return modules;
  }

  /**
   * The project's compiled classes first, then its compile and runtime dependencies, a sibling's
   * jar in {@code reactor} replaced by its output folder.
   */
  private List<String> entityClassPath(Map<Path, Path> reactor) throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements().stream()
          .map(element -> reactor.getOrDefault(Path.of(element), Path.of(element)))
          // After mvn clean the output folder is not there: a goal that reads no entity (a deploy
          // job's mvn clean autogenerate:upgrade) goes without it, as Flyway's does.
          .filter(element -> readsEntities() || Files.exists(element))
          .map(Path::toString)
          .toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's dependencies are not resolved: " + e.getMessage(), e);
    }
  }

  private static void option(List<String> options, String name, String value) {
    if (value != null && !value.isBlank()) {
      options.add(name);
      options.add(value);
    }
  }
}
