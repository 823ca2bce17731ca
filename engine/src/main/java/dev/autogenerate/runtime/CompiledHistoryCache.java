package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.operations.OperationChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A migrations directory as it last compiled, in one entry ({@link CompiledHistory}), so that a
 * command on a long history that did not change reads one file, hashes no source and defines no
 * class it does not run. Kept by the folder, the class path its files compile against, the tool,
 * the JDK and the default locale, and holding the list of its files and the digests of the
 * {@linkplain ApplicationClasses application's class files} their compile read; next to it,
 * {@link CompiledClassCache} keeps each source's classes by its content, for when one file changes.
 *
 * <p>Whether a source is still what it compiled from is told by its {@link SourceStamp} when the
 * stamp is unchanged and had {@linkplain SourceStamp#settledBefore settled} when the entry read
 * it; otherwise by hashing its content, as {@link CompiledClassCache#key} does. A source edited
 * within the same tick of the clock as the entry was written, or restored with an old time,
 * is therefore read again, never served stale. An entry whose sources needed hashing is written
 * again with their new stamps once they have settled, so the next command hashes nothing.
 *
 * <p>As with the other caches: written whole and moved into place, so commands running at once
 * see a whole entry or none; an entry that cannot be read is a miss; one that cannot be written
 * costs only speed.
 */
final class CompiledHistoryCache {

  private final Path directory;

  CompiledHistoryCache(Path directory) {
    this.directory = directory;
  }

  static CompiledHistoryCache standard() {
    return new CompiledHistoryCache(CacheDirectory.of("migrations"));
  }

  /**
   * What a hit gives: a loader over every class of the sources, the revisions they define, the
   * content key of the source of each class, and the entry it came from.
   */
  record Hit(ClassLoader loader, List<CompiledHistory.Header> revisions, Map<String, String> sourceKeys,
      KeptEntry kept) {}

  /**
   * The compiled history of these sources, when the entry exists and each source is still what
   * it compiled from.
   */
  Optional<Hit> get(Path folder, List<Path> sources, SourceListing.Stamps stamps, List<Path> classPath,
      ClassLoader parent) {
    String compilePath = SourceCompiler.classPathWithApi(classPath);
    List<String> paths = absolute(sources);
    String context = context(compilePath);
    String name = name(context, folder);
    CompiledHistory entry;
    try {
      entry = CompiledHistory.read(Files.readAllBytes(directory.resolve(name)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (!entry.context().equals(context) || entry.sources().size() != sources.size()) {
      return Optional.empty();
    }
    List<CompiledHistory.Source> confirmed = new ArrayList<>(sources.size());
    boolean settledSince = false;
    for (int i = 0; i < sources.size(); i++) {
      CompiledHistory.Source recorded = entry.sources().get(i);
      SourceStamp now = stamps.stamps().get(i);
      if (!recorded.path().equals(paths.get(i))) {
        return Optional.empty();
      }
      if (now.sameAs(recorded.stamp()) && recorded.stamp().settledBefore(entry.stampedAtMillis())) {
        confirmed.add(recorded);
        continue;
      }
      try {
        if (!CompiledClassCache.key(sources.get(i), compilePath).equals(recorded.contentKey())) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      confirmed.add(recorded.withStamp(now));
      settledSince |= now.settledBefore(stamps.readAtMillis());
    }
    // Last, as the dearest check: the application's class files the compile read are unchanged.
    if (!entry.used().unchanged(classPath)) {
      return Optional.empty();
    }
    if (settledSince) {
      write(name, entry.withSources(stamps.readAtMillis(), confirmed));
    }
    Map<String, String> sourceKeys = new HashMap<>();
    for (CompiledHistory.Source source : entry.sources()) {
      for (String className : source.classNames()) {
        sourceKeys.put(className, source.contentKey());
      }
    }
    CompiledHistory.ClassFiles classFiles = entry.classFiles();
    return Optional.of(new Hit(new SourceCompiler.BytesClassLoader(classFiles::all, parent), entry.revisions(), sourceKeys,
        kept(name, stamps)));
  }

  /**
   * The folder's entry as the last command wrote it, when its sources no longer match it (a new
   * or edited file): what it read from the classes of the files that did not change can spare
   * defining them again.
   */
  Optional<CompiledHistory> previous(Path folder, List<Path> classPath) {
    String context = context(SourceCompiler.classPathWithApi(classPath));
    try {
      CompiledHistory entry = CompiledHistory.read(Files.readAllBytes(directory.resolve(name(context, folder))));
      return entry.context().equals(context) ? Optional.of(entry) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps what a compile of these sources gave and the revisions loaded from it, in their order.
   * Nothing is kept unless every class is known to come from one source.
   *
   * @param stamps read before the compile read the sources
   * @return the entry, unless nothing was kept
   */
  Optional<KeptEntry> put(Path folder, List<Path> sources, SourceListing.Stamps stamps, List<Path> classPath,
      SourceCompiler.Compiled compiled, List<MigrationScript> scripts) {
    String compilePath = SourceCompiler.classPathWithApi(classPath);
    if (compiled.bySource().size() != sources.size()) {
      return Optional.empty();
    }
    List<String> paths = absolute(sources);
    List<CompiledHistory.Source> entrySources = new ArrayList<>();
    Map<String, byte[]> classes = new HashMap<>();
    // A revision's checksum is kept only when its own file's classes depend on nothing but
    // themselves and the tool: a helper class in another file may change without its file changing,
    // and so may a constant another file declares, which javac copies in (the file must also stand
    // alone, which its text tells, whatever reference the compiler left).
    Set<String> selfContained = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceCompiler.SourceClasses output = compiled.bySource().get(sources.get(i));
      if (output == null) {
        return Optional.empty();
      }
      entrySources.add(new CompiledHistory.Source(paths.get(i), stamps.stamps().get(i), output.contentKey(),
          List.copyOf(output.classes().keySet())));
      classes.putAll(output.classes());
      if (output.standsAlone() && SelfContainedClasses.all(output.classes())) {
        selfContained.addAll(output.classes().keySet());
      }
    }
    String context = context(compilePath);
    List<CompiledHistory.Header> revisions = new ArrayList<>();
    for (MigrationScript script : scripts) {
      if (script.migration() instanceof DeferredMigration deferred) {
        // Read from the previous entry for the same bytes: what it kept holds for them.
        revisions.add(new CompiledHistory.Header(deferred.className(), script.id(), script.parents(),
            script.message(), script.created(), deferred.upgradeChecksum()));
        continue;
      }
      String className = script.migration().getClass().getName();
      revisions.add(new CompiledHistory.Header(className, script.id(), script.parents(),
          script.message(), script.created(), selfContained.contains(className) ? checksumOrNone(script) : ""));
    }
    ApplicationClasses used = ApplicationClasses.union(
        compiled.bySource().values().stream().map(SourceCompiler.SourceClasses::used).toList());
    String name = name(context, folder);
    write(name, new CompiledHistory(context, stamps.readAtMillis(), entrySources, revisions, used,
        CompiledHistory.ClassFiles.of(classes)));
    return Optional.of(kept(name, stamps));
  }

  /** The entry of this name as kept, for sources as {@code stamps} found them. */
  private KeptEntry kept(String name, SourceListing.Stamps stamps) {
    return new KeptEntry(directory.resolve(name), Instant.ofEpochMilli(stamps.readAtMillis()));
  }

  /** The checksum, or "" when the upgrade fails to list its operations (the command that needs them says why). */
  private static String checksumOrNone(MigrationScript script) {
    try {
      return script.checksum();
    } catch (UserError e) {
      return "";
    }
  }

  private void write(String name, CompiledHistory entry) {
    CacheDirectory.writeEntry(directory, name, entry::write);
  }

  /**
   * What the classes were compiled against and are loaded by: the class path, the tool, the JDK;
   * and the default locale, the one thing outside that a kept checksum's plain values could
   * depend on ({@code toLowerCase()} without a locale).
   */
  private static String context(String compilePath) {
    return String.join("\n", "history", String.valueOf(CompiledHistory.FORMAT), ToolVersion.current(), Tool.FINGERPRINT,
        System.getProperty("java.vm.version", ""), Locale.getDefault().toLanguageTag(), compilePath);
  }

  /**
   * The entry's file name: the key of the context and the migrations folder, so a folder has one
   * entry, replaced when its files change (not one more per revision ever added). The entry holds
   * the context and each source's path too, and a read compares them, so two folders that share a
   * name only take turns.
   */
  static String name(String context, Path folder) {
    return KeyDigest.start().text(context).text(folder.toAbsolutePath().normalize().toString()).hex()
        .concat(".history");
  }

  private static List<String> absolute(List<Path> sources) {
    List<String> paths = new ArrayList<>(sources.size());
    for (Path source : sources) {
      paths.add(source.toAbsolutePath().normalize().toString());
    }
    return paths;
  }

  /** The code that records and fingerprints operations: a kept checksum is only as good as it. */
  private static final class Tool {
    static final String FINGERPRINT =
        CodeFingerprint.of(List.of(Migration.class, OperationChecksum.class, CompiledHistoryCache.class));
  }
}
