package dev.autogenerate.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.tools.ForwardingJavaFileObject;
import java.util.concurrent.ConcurrentHashMap;
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
import javax.tools.StandardLocation;
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

  /** How {@link #loadCompiler}'s folder is named: with the process's id, so a leftover tells whose it is. */
  static final String COMPILER_FOLDER_PREFIX = "autogenerate-compiler-" + ProcessHandle.current().pid() + "-";

  /**
   * Compiles one small migration in a folder of its own and drops it: for the run that writes the
   * launcher's archive for the commands that compile, so that javac's classes are in it even when
   * the project has no migration to compile yet (a first check before the first {@code -m}).
   * Never fails: without it, only that speed is lost.
   *
   * @return whether the migration compiled
   */
  public static boolean loadCompiler(List<Path> classPath, ClassLoader parent) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory(COMPILER_FOLDER_PREFIX);
      Path source = folder.resolve("LoadsTheCompiler.java");
      Files.writeString(source, """
          import dev.autogenerate.migration.Migration;
          import dev.autogenerate.migration.Operations;
          import dev.autogenerate.migration.Revision;

          @Revision(id = "000000000000", message = "loads the compiler")
          public final class LoadsTheCompiler implements Migration {
            @Override
            public void upgrade(Operations op) {
              op.execute("select 1");
            }

            @Override
            public void downgrade(Operations op) {}
          }
          """);
      return attempt(List.of(source), classPath, parent, new CompiledClassCache(folder.resolve("cache"), false))
          .errors().isEmpty();
    } catch (IOException | RuntimeException e) {
      // Only the archive misses javac.
      return false;
    } finally {
      TemporaryFolders.deleteQuietly(folder);
    }
  }

  /** As {@link #compile(List, List, ClassLoader)}, with its own cache (tests). */
  static Compiled compile(List<Path> sources, List<Path> classPath, ClassLoader parent, CompiledClassCache cache) {
    Attempt attempt = attempt(sources, classPath, parent, cache);
    if (!attempt.errors().isEmpty()) {
      throw new UserError(attempt.errors().get(0).describe());
    }
    return attempt.compiled();
  }

  /**
   * As {@link #attempt(List, List, ClassLoader)}, taking again the classes of each source that
   * {@linkplain SelfStandingSources stands alone} in the folder and compiled before, and compiling
   * only the others, with those classes beside them; so the first command after a new migration
   * compiles that one file, not the whole history. When what the files declare turns out other
   * than their text suggested, or a file cannot be read, everything compiles together, as it
   * always may.
   */
  static Attempt attempt(List<Path> sources, List<Path> classPath, ClassLoader parent, CompiledClassCache cache) {
    String compilePath = classPathWithApi(classPath);
    Map<Path, String> keys = new LinkedHashMap<>();
    // Each source is read once: the text its key is made of is the text that compiles, so an edit
    // saved meanwhile cannot put one text's classes under another's key.
    Map<Path, String> texts = new LinkedHashMap<>();
    Map<Path, CompiledClassCache.Cached> cachedBySource = new LinkedHashMap<>();
    for (Path source : sources) {
      try {
        byte[] text = Files.readAllBytes(source);
        texts.put(source, new String(text, StandardCharsets.UTF_8));
        String key = CompiledClassCache.key(source, text, compilePath);
        keys.put(source, key);
        cache.get(key, classPath).ifPresent(found -> cachedBySource.put(source, found));
      } catch (IOException e) {
        // Unreadable: javac says so, naming the file, when everything compiles together.
      }
    }
    Map<Path, Map<String, byte[]>> hits = new LinkedHashMap<>();
    cachedBySource.forEach((source, found) -> hits.put(source, found.classes()));
    Set<Path> reused = texts.size() == sources.size() && !hits.isEmpty() ? reusable(sources, texts, hits) : Set.of();
    List<Path> toCompile = sources.stream().filter(source -> !reused.contains(source)).toList();
    if (toCompile.isEmpty()) {
      Map<String, byte[]> cached = new HashMap<>();
      Map<Path, SourceClasses> bySource = new LinkedHashMap<>();
      for (Path source : sources) {
        cached.putAll(hits.get(source));
        bySource.put(source, new SourceClasses(keys.get(source), hits.get(source), true, cachedBySource.get(source).used()));
      }
      return new Attempt(new Compiled(new BytesClassLoader(cached, parent), cached.keySet().stream().sorted().toList(),
          bySource), List.of());
    }
    if (!reused.isEmpty()) {
      Map<Path, CompiledClassCache.Cached> taken = new LinkedHashMap<>();
      reused.forEach(source -> taken.put(source, cachedBySource.get(source)));
      Optional<Attempt> incremental = javac(toCompile, taken, texts, keys, classPath, parent, cache);
      if (incremental.isPresent()) {
        return incremental.get();
      }
    }
    return javac(sources, Map.of(), texts, keys, classPath, parent, cache).orElseThrow();
  }

  /**
   * The sources whose cached classes may be taken: those that stand alone among all of them, the
   * sources not cached judged by what their text may declare.
   */
  private static Set<Path> reusable(List<Path> sources, Map<Path, String> texts, Map<Path, Map<String, byte[]>> hits) {
    List<SelfStandingSources.Source> folder = new ArrayList<>();
    for (Path source : sources) {
      Map<String, byte[]> classes = hits.get(source);
      folder.add(classes == null ? SelfStandingSources.Source.uncompiled(source, texts.get(source))
          : SelfStandingSources.Source.compiled(source, texts.get(source), classes));
    }
    return SelfStandingSources.of(folder, hits.keySet());
  }

  /**
   * Compiles {@code toCompile} with the classes of the sources {@code taken} from the cache on its
   * class path, and keeps what each compiled source gave when it stands alone.
   *
   * @return the classes of both, or the errors; empty when a compiled source declared a class its
   *     text did not suggest, so that taking the others' classes was not shown safe
   */
  private static Optional<Attempt> javac(List<Path> toCompile, Map<Path, CompiledClassCache.Cached> taken,
      Map<Path, String> texts, Map<Path, String> keys, List<Path> classPath, ClassLoader parent, CompiledClassCache cache) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new UserError("no Java compiler in this runtime: run autogenerate with a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    // javac compiles for its own release, and picks a multi-release jar's versions by it.
    try (CompileClassPath compilePath = CompileClassPath.open(classPathEntries(classPath), Runtime.version().feature());
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      standard.setLocationFromPaths(StandardLocation.CLASS_PATH, compilePath.forJavac());
      // No processors run (-proc:none), yet javac looks for plugins to start on its processor
      // path, the class path when none is set: a class loader over every jar of it, opened for
      // each compile (the Maven plugin's: the project's dependencies). None is the same answer.
      standard.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
      return javac(compiler, standard, diagnostics, compilePath, toCompile, taken, texts, keys, classPath, parent, cache);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile the migrations: " + e.getMessage(), e);
    }
  }

  private static Optional<Attempt> javac(JavaCompiler compiler, StandardJavaFileManager standard,
      DiagnosticCollector<JavaFileObject> diagnostics, CompileClassPath compilePath, List<Path> toCompile,
      Map<Path, CompiledClassCache.Cached> taken, Map<Path, String> texts, Map<Path, String> keys,
      List<Path> classPath, ClassLoader parent, CompiledClassCache cache) {
    Map<String, byte[]> beside = new HashMap<>();
    taken.values().forEach(found -> beside.putAll(found.classes()));
    InMemoryClassOutput output = new InMemoryClassOutput(standard, beside, classPath, compilePath);
    List<String> options = List.of(
        "-proc:none",
        "-encoding", "UTF-8",
        "-nowarn");
    List<JavaFileObject> units = new ArrayList<>();
    for (Path source : toCompile) {
      String text = texts.get(source);
      if (text != null) {
        units.add(new SourceText(source, text));
      } else {
        standard.getJavaFileObjectsFromPaths(List.of(source)).forEach(units::add);
      }
    }
    cache.compiling(toCompile);
    boolean success = compiler.getTask(null, output, diagnostics, options, null, units).call();
    if (!success) {
      List<CompileError> errors = diagnostics.getDiagnostics().stream()
          .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
          .map(SourceCompiler::error)
          .toList();
      return Optional.of(new Attempt(null,
          errors.isEmpty() ? List.of(new CompileError(null, 0, "migration sources do not compile")) : errors));
    }
    Map<String, byte[]> compiled = output.classes();
    Map<Path, Map<String, byte[]>> bySourceNow = new LinkedHashMap<>();
    toCompile.forEach(source -> bySourceNow.put(source, output.classesOf(source)));
    // Which cached classes to take was decided on what each new text may declare: a class it
    // declares beyond that (a name the reading of its text missed) undoes the decision.
    if (!beside.isEmpty()) {
      for (Path source : toCompile) {
        Set<String> mayDeclare = SourceNames.declared(texts.get(source));
        for (String className : bySourceNow.get(source).keySet()) {
          if (!mayDeclare.contains(SourceNames.topLevelName(className))) {
            return Optional.empty();
          }
        }
      }
    }
    // What the application's class files were as javac read them: what these classes depend on.
    ApplicationClasses readNow = ApplicationClasses.read(output.applicationClassesRead());
    Map<String, byte[]> classes = new HashMap<>(beside);
    classes.putAll(compiled);
    // Cache only what is known to come from each file: a class no file claims would go missing.
    boolean attributed = keys.keySet().containsAll(toCompile)
        && bySourceNow.values().stream().mapToInt(Map::size).sum() == compiled.size();
    Map<Path, SourceClasses> bySource = new LinkedHashMap<>();
    if (attributed) {
      Map<Path, Map<String, byte[]>> all = new LinkedHashMap<>();
      for (Path source : keys.keySet()) {
        all.put(source, taken.containsKey(source) ? taken.get(source).classes() : bySourceNow.get(source));
      }
      Set<Path> alone = keepSelfStanding(bySourceNow.keySet(), all, texts, keys, readNow, cache);
      // The sources compiled together share what the compile read: which of them needed which
      // class file javac does not say.
      all.forEach((source, own) -> bySource.put(source, new SourceClasses(keys.get(source), own,
          taken.containsKey(source) || alone.contains(source),
          taken.containsKey(source) ? taken.get(source).used() : readNow)));
    }
    return Optional.of(new Attempt(new Compiled(new BytesClassLoader(classes, parent),
        classes.keySet().stream().sorted().toList(), attributed ? bySource : Map.of()), List.of()));
  }

  /**
   * Keeps the classes of each source just compiled that stands alone among all of them: only those
   * are the same whatever other files lie beside them, as their cache key (their own text) needs.
   *
   * @return those sources
   */
  private static Set<Path> keepSelfStanding(Set<Path> compiledNow, Map<Path, Map<String, byte[]>> all,
      Map<Path, String> texts, Map<Path, String> keys, ApplicationClasses read, CompiledClassCache cache) {
    List<SelfStandingSources.Source> folder = new ArrayList<>();
    all.forEach((source, classes) -> folder.add(SelfStandingSources.Source.compiled(source, texts.get(source), classes)));
    Set<Path> alone = SelfStandingSources.of(folder, compiledNow);
    for (Path source : compiledNow) {
      if (alone.contains(source)) {
        cache.put(keys.get(source), all.get(source), read);
      }
    }
    return alone;
  }

  /**
   * The loader with the compiled classes and the names of the classes it defines.
   *
   * @param bySource the classes of each source and the key of its content, or empty when some
   *     class cannot be told to come from one source
   */
  public record Compiled(ClassLoader loader, List<String> classNames, Map<Path, SourceClasses> bySource) {}

  /**
   * What one source compiled to, and {@link CompiledClassCache#key} of the text it compiled from.
   *
   * @param standsAlone whether its classes depend on no other file of the folder
   *     ({@link SelfStandingSources}): then its text, the class path and the tool alone decide them
   * @param used the application's class files its compile read ({@link ApplicationClasses})
   */
  public record SourceClasses(String contentKey, Map<String, byte[]> classes, boolean standsAlone,
      ApplicationClasses used) {}

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
    return String.join(File.pathSeparator, classPathEntries(classPath));
  }

  /** The migration API's location, the configured class path, then the JVM's own, as written. */
  private static List<String> classPathEntries(List<Path> classPath) {
    List<String> entries = new ArrayList<>();
    entries.add(apiLocation().toString());
    classPath.forEach(path -> entries.add(path.toString()));
    entries.addAll(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator, -1)));
    return entries;
  }

  private static Path apiLocation() {
    return Path.of(locationOf(dev.autogenerate.migration.Migration.class));
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type, e);
    }
  }

  static CompileError error(Diagnostic<? extends JavaFileObject> diagnostic) {
    // A diagnostic may name a class file inside a jar (a bad class file on the class path): its
    // jar: URI is no path of the default file system, and the message names it anyway.
    URI source = diagnostic.getSource() == null ? null : diagnostic.getSource().toUri();
    Path file = source != null && "file".equals(source.getScheme()) ? Path.of(source) : null;
    // One line, with the symbol javac could not find, which it tells on a line of its own
    // ("cannot find symbol; symbol: variable INTEGR"); not the location that follows it.
    List<String> lines = diagnostic.getMessage(Locale.ROOT).lines().map(String::strip).toList();
    String message = lines.isEmpty() ? "" : lines.get(0) + lines.stream().skip(1)
        .filter(line -> line.startsWith("symbol:"))
        .map(line -> "; " + line.replaceAll("\\s+", " "))
        .collect(Collectors.joining());
    return new CompileError(file, diagnostic.getLineNumber(), message);
  }

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

  /**
   * Keeps compiled classes as bytes instead of writing .class files, and shows javac the classes
   * taken from the cache as if they lay on the class path, ahead of it.
   */
  private static final class InMemoryClassOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    private final Map<String, URI> sources = new HashMap<>();
    private final Map<String, List<JavaFileObject>> besideByPackage = new HashMap<>();
    private final List<Path> applicationRoots;
    private final Map<String, byte[]> applicationClassesRead = new ConcurrentHashMap<>();
    private final CompileClassPath compilePath;
    /** Whether each entry of the class path is one of the application's, whose class files are recorded. */
    private final boolean[] applicationEntries;

    /**
     * @param beside classes (by binary name) javac reads as compiled classes on the class path
     * @param applicationClassPath the configured class path, whose class files javac reads are recorded
     * @param compilePath the class path, whose jars this lists from their indexes, in their place
     *     among the folders javac lists
     */
    InMemoryClassOutput(StandardJavaFileManager delegate, Map<String, byte[]> beside, List<Path> applicationClassPath,
        CompileClassPath compilePath) {
      super(delegate);
      this.compilePath = compilePath;
      this.applicationRoots = ApplicationClasses.roots(applicationClassPath);
      List<CompileClassPath.Entry> entries = compilePath.entries();
      this.applicationEntries = new boolean[entries.size()];
      for (int i = 0; i < entries.size(); i++) {
        applicationEntries[i] = ApplicationClasses.inClassPath(entries.get(i).location().toUri(), applicationRoots);
      }
      beside.forEach((name, bytes) -> besideByPackage
          .computeIfAbsent(name.substring(0, Math.max(0, name.lastIndexOf('.'))), key -> new ArrayList<>())
          .add(new ClassBytes(name, bytes)));
    }

    /**
     * The class path's files in javac's order, which decides the class a name resolves to (the
     * first class file found): the classes beside, then each entry's, a jar's from its index and
     * a folder's as javac listed them; files javac listed outside every entry last.
     */
    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
        boolean recurse) throws IOException {
      Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
      if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
        return listed;
      }
      List<CompileClassPath.Entry> entries = compilePath.entries();
      List<List<JavaFileObject>> byEntry = new ArrayList<>();
      entries.forEach(entry -> byEntry.add(new ArrayList<>()));
      List<JavaFileObject> outside = new ArrayList<>();
      for (JavaFileObject file : listed) {
        int entry = entryOf(file, entries);
        boolean application = !applicationRoots.isEmpty() && file.getKind() == JavaFileObject.Kind.CLASS
            && ApplicationClasses.inClassPath(file.toUri(), applicationRoots);
        (entry < 0 ? outside : byEntry.get(entry)).add(application
            ? new RecordedClassFile(file, super.inferBinaryName(location, file)) : file);
      }
      List<JavaFileObject> all = new ArrayList<>();
      besideByPackage.forEach((name, files) -> {
        if (name.equals(packageName) || (recurse && name.startsWith(packageName + "."))) {
          all.addAll(files);
        }
      });
      for (int i = 0; i < entries.size(); i++) {
        JarClassIndex jar = entries.get(i).jar();
        if (jar != null) {
          for (JavaFileObject file : jar.list(packageName, recurse)) {
            all.add(applicationEntries[i] ? new RecordedClassFile(file, JarClassIndex.binaryName(file)) : file);
          }
        } else {
          all.addAll(byEntry.get(i));
        }
      }
      all.addAll(outside);
      return all;
    }

    /** The entry javac listed a file from: the first folder holding it, or -1. */
    private static int entryOf(JavaFileObject file, List<CompileClassPath.Entry> entries) {
      Path path;
      try {
        path = Path.of(file.toUri()).toAbsolutePath().normalize();
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return -1;
      }
      for (int i = 0; i < entries.size(); i++) {
        CompileClassPath.Entry entry = entries.get(i);
        if (entry.jar() == null && (path.startsWith(entry.location()) || path.startsWith(entry.realLocation()))) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
      if (file instanceof ClassBytes bytes) {
        return bytes.binaryName;
      }
      if (file instanceof RecordedClassFile recorded) {
        return recorded.binaryName;
      }
      String listed = JarClassIndex.binaryName(file);
      return listed != null ? listed : super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      FileObject first = unwrapped(a);
      FileObject second = unwrapped(b);
      if (first instanceof ClassBytes || second instanceof ClassBytes
          || JarClassIndex.binaryName(first) != null || JarClassIndex.binaryName(second) != null) {
        return first == second;
      }
      return super.isSameFile(first, second);
    }

    private static FileObject unwrapped(FileObject file) {
      return file instanceof RecordedClassFile recorded ? recorded.file : file;
    }

    /** The application's class files javac read, by binary name, as it read them. */
    Map<String, byte[]> applicationClassesRead() {
      return Map.copyOf(applicationClassesRead);
    }

    /** An application class file on the class path, whose bytes are kept when javac reads it. */
    private final class RecordedClassFile extends ForwardingJavaFileObject<JavaFileObject> {

      private final JavaFileObject file;
      private final String binaryName;

      RecordedClassFile(JavaFileObject file, String binaryName) {
        super(file);
        this.file = file;
        this.binaryName = binaryName;
      }

      @Override
      public InputStream openInputStream() throws IOException {
        byte[] bytes;
        try (InputStream in = file.openInputStream()) {
          bytes = in.readAllBytes();
        }
        if (binaryName != null) {
          applicationClassesRead.put(binaryName, bytes);
        }
        return new ByteArrayInputStream(bytes);
      }
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

  /** A compiled class taken from the cache, as javac reads a class file. */
  private static final class ClassBytes extends SimpleJavaFileObject {

    private final String binaryName;
    private final byte[] bytes;

    ClassBytes(String binaryName, byte[] bytes) {
      super(URI.create("memory:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
      this.binaryName = binaryName;
      this.bytes = bytes;
    }

    @Override
    public InputStream openInputStream() {
      return new ByteArrayInputStream(bytes);
    }
  }

  /**
   * Defines the compiled classes, and asks the parent for everything else. Its own come first: the
   * application's class path (the parent's) holds its build's copy of each migration too, compiled
   * before any edit made since, and the file is what a command must read (else an edit to an
   * applied migration went unnoticed until the next build). Asking the parent first also cost a
   * search of every jar and folder on that path for each migration class.
   */
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
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      // The platform's classes cannot be defined here; asking for them must not read the classes.
      if (!name.startsWith("java.")) {
        synchronized (getClassLoadingLock(name)) {
          Class<?> own = findLoadedClass(name);
          if (own == null) {
            byte[] bytes = classes.get().get(name);
            own = bytes == null ? null : defineClass(name, bytes, 0, bytes.length);
          }
          if (own != null) {
            if (resolve) {
              resolveClass(own);
            }
            return own;
          }
        }
      }
      return super.loadClass(name, resolve);
    }
  }
}
