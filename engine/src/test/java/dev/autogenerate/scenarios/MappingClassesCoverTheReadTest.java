package dev.autogenerate.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.project.EntityClasses;
import dev.autogenerate.project.MappingClasses;
import dev.autogenerate.testing.EntitySources;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The entity cache keys only the classes {@link MappingClasses} counts: every class of the
 * folder that Hibernate loads while it reads the entities must be one of them, or an edit of it
 * would leave a stale model. Checked on the entities of every scenario, before and after.
 */
class MappingClassesCoverTheReadTest {

  static Stream<List<String>> entitySets() {
    List<List<String>> sets = new ArrayList<>();
    for (Scenario scenario : ScenarioSuiteTest.scenarios()) {
      for (List<String> sources : List.of(scenario.before(), scenario.after())) {
        if (!sources.isEmpty() && !sets.contains(sources)) {
          sets.add(sources);
        }
      }
    }
    return sets.stream();
  }

  /** Side by side, as the scenarios run: each set has its own folder and class loaders, and no database. */
  @ParameterizedTest
  @MethodSource("entitySets")
  @Execution(ExecutionMode.CONCURRENT)
  void everyClassHibernateLoadsIsCounted(List<String> sources, @TempDir Path directory) throws Exception {
    Map<String, byte[]> classFiles = EntitySources.compileInto(directory, sources).classFiles();
    Set<String> counted = MappingClasses.of(classFiles, List.of()).orElseThrow();

    List<String> mappedNames;
    try (RecordingLoader finding = new RecordingLoader(directory)) {
      // Finding loads every class of the package, mapped or not: a loader of its own, so that
      // the one below loads only what the reading asks for.
      mappedNames = EntityClasses.find(List.of("com.example"), finding).stream().map(Class::getName).toList();
    }
    try (RecordingLoader loader = new RecordingLoader(directory)) {
      List<Class<?>> mapped = new ArrayList<>();
      for (String name : mappedNames) {
        mapped.add(Class.forName(name, false, loader));
      }
      try {
        new EntityModelReader(EntityModelOptions.using(loader)).readModel(mapped);
      } catch (RuntimeException rejected) {
        // Some scenarios are entities Hibernate rejects: what it loaded until then counts all the same.
      }
      Set<String> missed = new TreeSet<>(loader.loaded);
      missed.removeAll(counted);
      assertTrue(missed.isEmpty(), () -> "loaded but not counted: " + missed + " (counted " + new TreeSet<>(counted) + ")");
      assertTrue(loader.loaded.containsAll(mapped.stream().map(type -> type.getName().replace('.', '/')).toList()));
    }
  }

  /** Loads the folder's classes itself, and tells which it loaded. */
  private static final class RecordingLoader extends URLClassLoader {

    final Set<String> loaded = java.util.Collections.synchronizedSet(new TreeSet<>());

    RecordingLoader(Path folder) throws Exception {
      super(new URL[] {folder.toUri().toURL()}, MappingClassesCoverTheReadTest.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> found = super.findClass(name);
      loaded.add(name.replace('.', '/'));
      return found;
    }
  }
}
