package dev.autogenerate.codegen;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with the system Java compiler against the test classpath. */
final class JavaCompilation {

  private JavaCompilation() {}

  /** The outcome of compiling one file: diagnostics, and a loader for the classes on success. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {

    /** Errors and warnings, one per line, for assertion messages. */
    String report() {
      StringBuilder report = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
        report.append(diagnostic.getKind()).append(" line ").append(diagnostic.getLineNumber())
            .append(": ").append(diagnostic.getMessage(Locale.ROOT)).append('\n');
      }
      return report.toString();
    }

    List<Diagnostic<? extends JavaFileObject>> problems() {
      List<Diagnostic<? extends JavaFileObject>> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
        if (diagnostic.getKind() != Diagnostic.Kind.NOTE) {
          problems.add(diagnostic);
        }
      }
      return problems;
    }

    Class<?> load(String binaryName, ClassLoader parent) throws IOException, ClassNotFoundException {
      URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
      return loader.loadClass(binaryName);
    }
  }

  /**
   * Compiles {@code file} (a {@code .java} file) into {@code classes}, with all lint warnings and
   * Javadoc HTML and syntax checks on, so that a warning shows up as a diagnostic too.
   */
  static Result compile(Path file, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "tests need a JDK, not a JRE");
    Files.createDirectories(classes);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of(
          "-classpath", classpath(),
          "-d", classes.toString(),
          "-encoding", "UTF-8",
          "--release", "17",
          "-proc:none",
          "-Xlint:all",
          "-Xdoclint:html,syntax",
          "-implicit:none");
      StringWriter out = new StringWriter();
      boolean success = compiler.getTask(out, files, diagnostics, options, null,
          files.getJavaFileObjects(file.toFile())).call();
      return new Result(success, List.copyOf(diagnostics.getDiagnostics()), classes);
    }
  }

  /**
   * The test classpath. Surefire may run tests from a manifest-only jar, in which case
   * {@code java.class.path} is that jar alone and the real path is in {@code surefire.test.class.path}.
   */
  static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String property : List.of("java.class.path", "surefire.test.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        for (String entry : value.split(File.pathSeparator)) {
          if (!entry.isBlank()) {
            entries.add(entry);
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
