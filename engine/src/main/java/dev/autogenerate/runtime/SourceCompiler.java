package dev.autogenerate.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles migration sources in memory, so that {@code autogenerate upgrade} runs a migration
 * straight after {@code autogenerate -m} wrote it, with no build step between.
 */
public final class SourceCompiler {

  private SourceCompiler() {}

  /**
   * Compiles the files and loads the classes they define.
   *
   * @param classPath where the classes the sources use live, beyond the Autogenerate API
   * @param parent the class loader that sees the Autogenerate API and the application's classes
   * @return the loader holding the compiled classes, and their names
   * @throws UserError naming the file and line of the first error when the sources do not compile
   */
  public static Compiled compile(List<Path> sources, List<Path> classPath, ClassLoader parent) {
    Attempt attempt = attempt(sources, classPath, parent);
    if (!attempt.errors().isEmpty()) {
      throw new UserError(attempt.errors().get(0).describe());
    }
    return attempt.compiled();
  }

  /**
   * Compiles the files, telling the errors instead of throwing them, so that a caller can set
   * the failing files aside and compile the others.
   *
   * @return the compiled classes, or (compiled null) every error, in javac's order
   */
  public static Attempt attempt(List<Path> sources, List<Path> classPath, ClassLoader parent) {
    return attempt(sources, classPath, parent, CompiledClassCache.standard());
  }

  /**
   * As {@link #attempt(List, List, ClassLoader)}, reusing the classes each source compiled to
   * before when none of them changed (a long history costs next to nothing), and compiling them
   * all together otherwise, since one migration may use a class another file defines.
   */
  static Attempt attempt(List<Path> sources, List<Path> classPath, ClassLoader parent, CompiledClassCache cache) {
    String compilePath = classPathWithApi(classPath);
    Map<Path, String> keys = new LinkedHashMap<>();
    // Each source is read once: the text its key is made of is the text that compiles, so an edit
    // saved meanwhile cannot put one text's classes under another's key.
    Map<Path, byte[]> texts = new LinkedHashMap<>();
    Map<String, byte[]> cached = new HashMap<>();
    Map<Path, SourceClasses> cachedBySource = new LinkedHashMap<>();
    boolean allCached = true;
    for (Path source : sources) {
      try {
        byte[] text = Files.readAllBytes(source);
        texts.put(source, text);
        String key = CompiledClassCache.key(source, text, compilePath);
        keys.put(source, key);
        Optional<Map<String, byte[]>> hit = allCached ? cache.get(key) : Optional.empty();
        if (hit.isPresent()) {
          cached.putAll(hit.get());
          cachedBySource.put(source, new SourceClasses(key, hit.get()));
        } else {
          allCached = false;
        }
      } catch (IOException e) {
        allCached = false;
      }
    }
    if (allCached) {
      return new Attempt(new Compiled(new BytesClassLoader(cached, parent), cached.keySet().stream().sorted().toList(),
          cachedBySource), List.of());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new UserError("no Java compiler in this runtime: run autogenerate with a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
    InMemoryClassOutput output = new InMemoryClassOutput(standard);
    List<String> options = List.of(
        "-classpath", compilePath,
        "-proc:none",
        "-encoding", "UTF-8",
        "-nowarn");
    List<JavaFileObject> units = new ArrayList<>();
    for (Path source : sources) {
      byte[] text = texts.get(source);
      if (text != null) {
        units.add(new SourceText(source, new String(text, StandardCharsets.UTF_8)));
      } else {
        // Unreadable: javac says so, naming the file.
        standard.getJavaFileObjectsFromPaths(List.of(source)).forEach(units::add);
      }
    }
    boolean success = compiler.getTask(null, output, diagnostics, options, null, units).call();
    if (!success) {
      List<CompileError> errors = diagnostics.getDiagnostics().stream()
          .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
          .map(SourceCompiler::error)
          .toList();
      return new Attempt(null, errors.isEmpty() ? List.of(new CompileError(null, 0, "migration sources do not compile")) : errors);
    }
    Map<String, byte[]> classes = output.classes();
    // Cache only what is known to come from each file: a class no file claims would go missing.
    Map<Path, SourceClasses> bySource = new LinkedHashMap<>();
    keys.forEach((source, key) -> bySource.put(source, new SourceClasses(key, output.classesOf(source))));
    boolean attributed = keys.size() == sources.size()
        && bySource.values().stream().mapToInt(each -> each.classes().size()).sum() == classes.size();
    if (attributed) {
      bySource.forEach((source, compiled) -> cache.put(compiled.contentKey(), compiled.classes()));
    }
    return new Attempt(new Compiled(new BytesClassLoader(classes, parent), classes.keySet().stream().sorted().toList(),
        attributed ? bySource : Map.of()), List.of());
  }

  /**
   * The loader with the compiled classes and the names of the classes it defines.
   *
   * @param bySource the classes of each source and the key of its content, or empty when some
   *     class cannot be told to come from one source
   */
  public record Compiled(ClassLoader loader, List<String> classNames, Map<Path, SourceClasses> bySource) {}

  /** What one source compiled to, and {@link CompiledClassCache#key} of the text it compiled from. */
  public record SourceClasses(String contentKey, Map<String, byte[]> classes) {}

  /** What a compile gave: the classes, or the errors. */
  public record Attempt(Compiled compiled, List<CompileError> errors) {}

  /**
   * One compile error.
   *
   * @param file the source, or null when javac names none
   * @param line its line, 1-based (0 when unknown)
   * @param message the first line of javac's message
   */
  public record CompileError(Path file, long line, String message) {

    /** The one-line user error: {@code migration does not compile: FILE:LINE: MESSAGE (fix ...)}. */
    public String describe() {
      return "migration does not compile: " + (file == null ? "migration" : file.toString()) + ":" + line + ": " + message
          + " (fix the migration source, then run the command again)";
    }
  }

  static String classPathWithApi(List<Path> classPath) {
    List<String> entries = new ArrayList<>();
    entries.add(locationOf(dev.autogenerate.migration.Migration.class));
    classPath.forEach(path -> entries.add(path.toString()));
    entries.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, entries);
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type, e);
    }
  }

  private static CompileError error(Diagnostic<? extends JavaFileObject> diagnostic) {
    Path file = diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri());
    String message = diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    return new CompileError(file, diagnostic.getLineNumber(), message);
  }

  /** Keeps compiled classes as bytes instead of writing .class files. */
  /** A source file as read, under its file's name, so that javac's messages and the classes' origin name the file. */
  private static final class SourceText extends SimpleJavaFileObject {

    private final String text;

    SourceText(Path file, String text) {
      super(file.toUri(), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static final class InMemoryClassOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    private final Map<String, URI> sources = new HashMap<>();

    InMemoryClassOutput(StandardJavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      URI uri = URI.create("memory:///" + className.replace('.', '/') + kind.extension);
      if (sibling != null) {
        sources.put(className, sibling.toUri());
      }
      return new SimpleJavaFileObject(uri, kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          classes.put(className, bytes);
          return bytes;
        }
      };
    }

    /** Every class compiled, by binary name. */
    Map<String, byte[]> classes() {
      return classes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().toByteArray()));
    }

    /** The classes one source file compiled to (nested ones included). */
    Map<String, byte[]> classesOf(Path source) {
      URI uri = source.toUri();
      return classes.entrySet().stream()
          .filter(entry -> uri.equals(sources.get(entry.getKey())))
          .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().toByteArray()));
    }
  }

  /** Defines the compiled classes, asking the parent first for everything else. */
  static final class BytesClassLoader extends ClassLoader {

    private final Supplier<Map<String, byte[]>> classes;

    BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      this(() -> classes, parent);
    }

    /** @param classes asked for when a class is first looked up here, not before */
    BytesClassLoader(Supplier<Map<String, byte[]>> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get().get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
