package dev.autogenerate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources given as strings into a new directory of class files, at test time.
 *
 * <p>Autogenerate's input is compiled entity classes, and its interesting cases are changes to
 * them: a test needs a "before" and an "after" version of the same class, which cannot both live
 * in the test's own source tree. Each call compiles into its own temporary directory (deleted
 * when the JVM exits), against the test JVM's class path, so Jakarta Persistence and Hibernate
 * annotations resolve.
 *
 * <p>Sources compiled before in this JVM are not compiled again: their class files, kept in
 * memory, are written out instead. javac gives the same bytes for the same sources and options,
 * and test suites compile the same entities many times (a scenario once per database).
 */
public final class EntitySources {

  /** What each set of sources compiled to in this JVM. */
  private static final Map<ClassFiles.Key, ClassFiles> COMPILED = new ConcurrentHashMap<>();

  private EntitySources() {}

  /**
   * Compiles sources, deriving each class name from its {@code package} clause and first type
   * declaration.
   *
   * @throws AssertionError listing javac's errors when the sources do not compile
   */
  public static CompiledClasses compile(String... sources) {
    return compile(byClassName(List.of(sources)));
  }

  /**
   * Compiles sources keyed by the fully qualified name of their top-level class.
   *
   * @throws AssertionError listing javac's errors when the sources do not compile
   */
  public static CompiledClasses compile(Map<String, String> sourcesByClassName) {
    return compileTo(TempDirectories.create("autogenerate-classes"), sourcesByClassName);
  }

  /**
   * Replaces what a class directory holds with these sources compiled, as editing entities and
   * rebuilding the application would. No sources leaves the directory empty.
   *
   * @throws AssertionError listing javac's errors when the sources do not compile
   */
  public static CompiledClasses compileInto(Path directory, List<String> sources) {
    TempDirectories.deleteQuietly(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    if (sources.isEmpty()) {
      return new CompiledClasses(directory, List.of());
    }
    return compileTo(directory, byClassName(sources));
  }

  private static Map<String, String> byClassName(List<String> sources) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String source : sources) {
      String name = SourceNames.qualifiedName(source);
      if (byName.put(name, source) != null) {
        throw new IllegalArgumentException("two sources declare " + name);
      }
    }
    return byName;
  }

  private static CompiledClasses compileTo(Path directory, Map<String, String> sourcesByClassName) {
    if (sourcesByClassName.isEmpty()) {
      throw new IllegalArgumentException("nothing to compile");
    }
    ClassFiles.Key key = new ClassFiles.Key(Map.copyOf(sourcesByClassName), System.getProperty("java.class.path", ""));
    ClassFiles earlier = COMPILED.get(key);
    if (earlier != null) {
      earlier.writeTo(directory);
    } else {
      // The directory is new or emptied by the callers: what it holds afterwards is this output.
      compileWithJavac(directory, sourcesByClassName);
      COMPILED.putIfAbsent(key, ClassFiles.readFrom(directory));
    }
    return new CompiledClasses(directory, new ArrayList<>(sourcesByClassName.keySet()));
  }

  private static void compileWithJavac(Path directory, Map<String, String> sourcesByClassName) {
    List<InMemorySource> sources = new ArrayList<>();
    sourcesByClassName.forEach((name, text) -> sources.add(new InMemorySource(name, text)));

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = FILE_MANAGERS.poll();
    if (files == null) {
      files = newFileManager();
    }
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(directory));
      boolean compiled = compiler().getTask(null, files, diagnostics, OPTIONS, null, sources).call();
      if (!compiled) {
        throw new AssertionError("entity sources do not compile:\n" + describe(diagnostics));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write classes to " + directory, e);
    } finally {
      FILE_MANAGERS.push(files);
    }
  }

  /**
   * File managers kept for the JVM's life, each used by one compile at a time: javac opens and
   * walks every jar of the class path once per file manager, which was most of a compile's time
   * on the test class path, and the class path does not change under a running test JVM. As many
   * as compiles ever ran at once (JUnit runs classes on threads of pools of their own, so one per
   * thread would be one per compile).
   */
  private static final Deque<StandardJavaFileManager> FILE_MANAGERS = new ConcurrentLinkedDeque<>();

  private static StandardJavaFileManager newFileManager() {
    StandardJavaFileManager files = compiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    List<Path> classPath = new ArrayList<>();
    // Under Surefire this may be a manifest-only jar; javac follows its Class-Path.
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        classPath.add(Path.of(entry));
      }
    }
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      // javac looks for plugins on the processor path, the class path when none is set: a class
      // loader over the test's hundred jars for each compile. There are none to find.
      files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the test class path", e);
    }
    return files;
  }

  private static JavaCompiler compiler() {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "no Java compiler in " + System.getProperty("java.home") + ": run tests on a JDK");
    }
    return compiler;
  }

  private static final List<String> OPTIONS = List.of(
      // Annotation processors on the test class path must not run on test entities.
      "-proc:none",
      // Keep parameter names and debug info, as a normal Maven build of entities would.
      "-parameters",
      "-g");

  private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      text.append(location(diagnostic))
          .append(": error: ")
          .append(diagnostic.getMessage(Locale.ROOT))
          .append(System.lineSeparator())
          .append(offendingLine(diagnostic));
    }
    return text.toString();
  }

  private static String location(Diagnostic<? extends JavaFileObject> diagnostic) {
    JavaFileObject source = diagnostic.getSource();
    if (source == null) {
      return "javac";
    }
    // In-memory sources have URIs like string:///com/example/Person.java.
    String file = source.toUri().getPath().replaceFirst("^/", "");
    return file + ":" + diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber();
  }

  /** The source line an error points at, so the failure reads without opening anything. */
  private static String offendingLine(Diagnostic<? extends JavaFileObject> diagnostic) {
    long line = diagnostic.getLineNumber();
    if (diagnostic.getSource() == null || line == Diagnostic.NOPOS) {
      return "";
    }
    try {
      return diagnostic.getSource().getCharContent(true).toString().lines()
          .skip(line - 1)
          .findFirst()
          .map(text -> "    " + text.strip() + System.lineSeparator())
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
