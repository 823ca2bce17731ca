package dev.autogenerate.scenarios;

import dev.autogenerate.schema.DatabaseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario on every database it applies to. */
class ScenarioSuiteTest {

  static List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(ColumnScenarios.all());
    all.addAll(ConstraintScenarios.all());
    all.addAll(IndexScenarios.all());
    all.addAll(DefaultScenarios.all());
    all.addAll(EnumScenarios.all());
    all.addAll(MetadataScenarios.all());
    all.addAll(SchemaScenarios.all());
    return all;
  }

  /** Every case, or with {@code -Dscenarios.only=TEXT} those whose name contains TEXT. */
  static Stream<Arguments> cases() {
    String only = System.getProperty("scenarios.only", "");
    return scenarios().stream().filter(scenario -> scenario.name().contains(only)).flatMap(scenario -> scenario.databases().stream()
        .map(kind -> Arguments.of(scenario, kind)));
  }

  /**
   * Side by side: a scenario spends much of its time waiting for its database, another one
   * compiles meanwhile. Each has its own database and project directory; no other class runs
   * alongside (see junit-platform.properties), so the databases are dropped when all have ended.
   */
  @ParameterizedTest(name = "[{1}] {0}")
  @MethodSource("cases")
  @Execution(ExecutionMode.CONCURRENT)
  void scenario(Scenario scenario, DatabaseKind kind, @TempDir Path directory) throws Exception {
    new ScenarioRunner(scenario, kind, directory).run();
  }
}
