package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the migrations: compiled from their sources by the command line, or already compiled into
 * an application's jar.
 */
public final class MigrationLoader {

  private MigrationLoader() {}

  /**
   * Compiles every {@code .java} file in a directory and returns the migrations they define.
   * A missing directory holds no migrations.
   *
   * @throws UserError when a source does not compile, naming the file and line
   */
  public static List<MigrationScript> fromSources(Path directory, List<Path> classPath, ClassLoader parent) {
    return fromSources(directory, classPath, parent, kept -> {});
  }

  /**
   * As {@link #fromSources(Path, List, ClassLoader)}, and tells {@code kept} the cache's entry of
   * the history when it found it there or put it there (not when there are no sources).
   */
  public static List<MigrationScript> fromSources(Path directory, List<Path> classPath, ClassLoader parent,
      Consumer<KeptEntry> kept) {
    return fromSources(directory, classPath, parent, CompiledHistoryCache.standard(), CompiledClassCache.standard(),
        kept);
  }

  static List<MigrationScript> fromSources(Path directory, List<Path> classPath, ClassLoader parent,
      CompiledHistoryCache cache) {
    return fromSources(directory, classPath, parent, cache, CompiledClassCache.standard());
  }

  /** As {@link #fromSources(Path, List, ClassLoader)}, with both caches given (tests). */
  static List<MigrationScript> fromSources(Path directory, List<Path> classPath, ClassLoader parent,
      CompiledHistoryCache cache, CompiledClassCache classCache) {
    return fromSources(directory, classPath, parent, cache, classCache, kept -> {});
  }

  private static List<MigrationScript> fromSources(Path directory, List<Path> classPath, ClassLoader parent,
      CompiledHistoryCache cache, CompiledClassCache classCache, Consumer<KeptEntry> kept) {
    SourceListing listing = SourceListing.of(directory);
    List<Path> sources = listing.sources();
    if (sources.isEmpty()) {
      return List.of();
    }
    Origin origin = sourcesOf(directory, sources);
    Optional<SourceListing.Stamps> stamps = listing.stamps();
    Optional<CompiledHistoryCache.Hit> hit = stamps.flatMap(read -> cache.get(directory, sources, read, classPath, parent));
    if (hit.isPresent()) {
      kept.accept(hit.get().kept());
      return deferred(hit.get(), origin);
    }
    SourceCompiler.Compiled compiled = SourceCompiler.compile(sources, classPath, parent, classCache);
    List<MigrationScript> scripts = load(compiled, origin, cache.previous(directory, classPath));
    stamps.flatMap(read -> cache.put(directory, sources, read, classPath, compiled, scripts)).ifPresent(kept);
    return scripts;
  }

  /**
   * The migrations a compile gave. A source that stands alone and whose classes are, byte for
   * byte, those the folder's previous entry held for a source of the same content key has its
   * revisions read from that entry (what a revision's class says, and its kept checksum, depend on
   * nothing but those bytes and the tool, which the entry's context names), and its classes
   * defined only when their operations are asked for; so the first command after a new migration
   * defines that one class, not the whole history's. The others are loaded and instantiated.
   */
  private static List<MigrationScript> load(SourceCompiler.Compiled compiled, Origin origin,
      Optional<CompiledHistory> previous) {
    if (previous.isEmpty() || compiled.bySource().isEmpty()) {
      return instantiate(compiled.loader(), compiled.classNames(), origin);
    }
    Map<String, CompiledHistory.Source> previousByKey = new HashMap<>();
    previous.get().sources().forEach(source -> previousByKey.putIfAbsent(source.contentKey(), source));
    Map<String, byte[]> previousClasses = previous.get().classFiles().all();
    Map<String, String> unchanged = new HashMap<>();
    for (SourceCompiler.SourceClasses source : compiled.bySource().values()) {
      CompiledHistory.Source before = previousByKey.get(source.contentKey());
      if (source.standsAlone() && before != null && sameClasses(source.classes(), before.classNames(), previousClasses)) {
        source.classes().keySet().forEach(className -> unchanged.put(className, source.contentKey()));
      }
    }
    Map<String, CompiledHistory.Header> headers = new HashMap<>();
    previous.get().revisions().forEach(header -> headers.put(header.className(), header));
    List<MigrationScript> scripts = new ArrayList<>();
    for (String className : compiled.classNames()) {
      if (!unchanged.containsKey(className)) {
        scripts.addAll(instantiate(compiled.loader(), List.of(className), origin));
        continue;
      }
      CompiledHistory.Header revision = headers.get(className);
      if (revision != null) {
        scripts.add(new MigrationScript(revision.id(), revision.parents(), revision.message(), revision.created(),
            new DeferredMigration(compiled.loader(), className, revision.upgradeChecksum(), unchanged.get(className)),
            origin.of(className)));
      }
    }
    return scripts;
  }

  private static boolean sameClasses(Map<String, byte[]> classes, List<String> previousNames,
      Map<String, byte[]> previousClasses) {
    if (classes.size() != previousNames.size() || !classes.keySet().containsAll(previousNames)) {
      return false;
    }
    for (Map.Entry<String, byte[]> each : classes.entrySet()) {
      if (!Arrays.equals(each.getValue(), previousClasses.get(each.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The revisions of a cached history, their classes defined when their operations are first asked for. */
  private static List<MigrationScript> deferred(CompiledHistoryCache.Hit hit, Origin origin) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (CompiledHistory.Header revision : hit.revisions()) {
      scripts.add(new MigrationScript(revision.id(), revision.parents(), revision.message(), revision.created(),
          new DeferredMigration(hit.loader(), revision.className(), revision.upgradeChecksum(),
              hit.sourceKeys().getOrDefault(revision.className(), "")),
          origin.of(revision.className())));
    }
    return scripts;
  }

  /**
   * The migrations of a directory as far as they can be read, for the commands that only need
   * the history's shape ({@code current}, {@code history}, {@code heads}): a source that does
   * not compile is set aside, the others are compiled without it, and its revision is read from
   * the text of its {@code @Revision} annotation. Each such source is told to {@code warnings}
   * in one line; its revision has no operations ({@link MigrationScript#compiled()} is false).
   */
  public static List<MigrationScript> readSources(Path directory, List<Path> classPath, ClassLoader parent,
      Consumer<String> warnings) {
    return readSources(directory, classPath, parent, warnings, kept -> {});
  }

  /**
   * As {@link #readSources(Path, List, ClassLoader, Consumer)}, and tells {@code kept} the cache's
   * entry of the history when it found it there or put it there (not when a source does not
   * compile, nor when there are none).
   */
  public static List<MigrationScript> readSources(Path directory, List<Path> classPath, ClassLoader parent,
      Consumer<String> warnings, Consumer<KeptEntry> kept) {
    return readSources(directory, classPath, parent, warnings, CompiledHistoryCache.standard(),
        CompiledClassCache.standard(), kept);
  }

  static List<MigrationScript> readSources(Path directory, List<Path> classPath, ClassLoader parent,
      Consumer<String> warnings, CompiledHistoryCache cache) {
    return readSources(directory, classPath, parent, warnings, cache, CompiledClassCache.standard());
  }

  /** As {@link #readSources(Path, List, ClassLoader, Consumer)}, with both caches given (tests). */
  static List<MigrationScript> readSources(Path directory, List<Path> classPath, ClassLoader parent,
      Consumer<String> warnings, CompiledHistoryCache cache, CompiledClassCache classCache) {
    return readSources(directory, classPath, parent, warnings, cache, classCache, kept -> {});
  }

  private static List<MigrationScript> readSources(Path directory, List<Path> classPath, ClassLoader parent,
      Consumer<String> warnings, CompiledHistoryCache cache, CompiledClassCache classCache, Consumer<KeptEntry> kept) {
    SourceListing listing = SourceListing.of(directory);
    List<Path> sources = listing.sources();
    Optional<SourceListing.Stamps> stamps = listing.stamps();
    Optional<CompiledHistoryCache.Hit> hit = sources.isEmpty() ? Optional.empty()
        : stamps.flatMap(read -> cache.get(directory, sources, read, classPath, parent));
    if (hit.isPresent()) {
      kept.accept(hit.get().kept());
      return deferred(hit.get(), sourcesOf(directory, sources));
    }
    Map<Path, SourceCompiler.CompileError> broken = new LinkedHashMap<>();
    SourceCompiler.Compiled compiled = null;
    List<Path> compilable = sources;
    // Each round sets aside the files javac blamed; a file failing only because of another
    // broken one compiles in the next round. An error naming no file sets aside all the rest.
    while (!compilable.isEmpty()) {
      SourceCompiler.Attempt attempt = SourceCompiler.attempt(compilable, classPath, parent, classCache);
      if (attempt.errors().isEmpty()) {
        compiled = attempt.compiled();
        break;
      }
      List<Path> remaining = compilable;
      for (SourceCompiler.CompileError error : attempt.errors()) {
        Path file = remaining.stream().filter(each -> error.file() != null
            && each.toAbsolutePath().normalize().equals(error.file().toAbsolutePath().normalize())).findFirst().orElse(null);
        if (file == null) {
          remaining.forEach(each -> broken.putIfAbsent(each, error));
        } else {
          broken.putIfAbsent(file, error);
        }
      }
      compilable = compilable.stream().filter(file -> !broken.containsKey(file)).toList();
    }
    List<MigrationScript> scripts = new ArrayList<>();
    if (compiled != null) {
      List<Path> found = compilable;
      scripts.addAll(load(compiled, sourcesOf(directory, found), cache.previous(directory, classPath)));
      if (broken.isEmpty()) {
        SourceCompiler.Compiled all = compiled;
        List<MigrationScript> loaded = List.copyOf(scripts);
        stamps.flatMap(read -> cache.put(directory, sources, read, classPath, all, loaded)).ifPresent(kept);
      }
    }
    for (Map.Entry<Path, SourceCompiler.CompileError> entry : broken.entrySet()) {
      Path file = entry.getKey();
      SourceCompiler.CompileError error = entry.getValue();
      String where = file.getFileName() + " does not compile: " + (error.line() > 0 ? "line " + error.line() + ": " : "")
          + error.message();
      Optional<RevisionSourceText.Header> header = RevisionSourceText.read(read(file));
      if (header.isEmpty()) {
        warnings.accept(where + "; its @Revision cannot be read either, so it is left out");
        continue;
      }
      warnings.accept(where + " (its place in the history is read from its @Revision)");
      RevisionSourceText.Header revision = header.get();
      String problem = error.file() == null ? error.describe() : new SourceCompiler.CompileError(file, error.line(),
          error.message()).describe();
      scripts.add(MigrationScript.uncompiled(revision.id(), revision.parents(), revision.message(), revision.created(),
          file.toString(), problem));
    }
    // The order the history breaks ties in: by class (file) name, compiled or not.
    if (!broken.isEmpty()) {
      scripts.sort(Comparator.comparing(script -> simpleName(script.origin())));
    }
    return scripts;
  }

  private static String simpleName(String origin) {
    String name = origin.substring(Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\')) + 1);
    return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  /** The migrations compiled into a package on the class path, as an application ships them. */
  public static List<MigrationScript> fromClasspath(String packageName, ClassLoader loader) {
    return instantiate(loader, ClassScanner.classNames(loader, packageName), className -> className);
  }

  private interface Origin {
    String of(String className);
  }

  private static List<MigrationScript> instantiate(ClassLoader loader, List<String> classNames, Origin origin) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (String className : classNames) {
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new UserError("cannot load migration class " + className + ": " + e, e);
      }
      if (!Migration.class.isAssignableFrom(type) || type.isInterface()
          || Modifier.isAbstract(type.getModifiers()) || type.getEnclosingClass() != null) {
        continue;
      }
      try {
        Migration migration = (Migration) type.getDeclaredConstructor().newInstance();
        scripts.add(MigrationScript.of(migration, origin.of(className)));
      } catch (ReflectiveOperationException e) {
        throw new UserError("cannot create migration " + className
            + ": it needs a public no-argument constructor (" + e + ")", e);
      }
    }
    return scripts;
  }

  /**
   * The source file each class came from, assuming the usual one top-level class per file: the
   * first file of the class's simple name.
   */
  private static Origin sourcesOf(Path directory, List<Path> sources) {
    Map<String, String> bySimpleName = new HashMap<>();
    for (Path source : sources) {
      String fileName = source.getFileName().toString();
      bySimpleName.putIfAbsent(fileName.substring(0, fileName.length() - ".java".length()), source.toString());
    }
    return className -> {
      String simpleName = className.substring(className.lastIndexOf('.') + 1);
      String source = bySimpleName.get(simpleName);
      return source != null ? source : directory.resolve(simpleName + ".java").toString();
    };
  }
}
