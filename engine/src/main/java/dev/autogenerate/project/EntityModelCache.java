package dev.autogenerate.project;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.CacheLimit;
import dev.autogenerate.runtime.CodeFingerprint;
import dev.autogenerate.runtime.KeptEntry;
import dev.autogenerate.runtime.KeyDigest;
import dev.autogenerate.runtime.SourceStamp;
import dev.autogenerate.runtime.ToolVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The entities' model as the last command read it, kept by everything it was read from: the
 * classes and mapping files on the configured class path, the settings that reach Hibernate, and
 * the tool itself (its classes and Hibernate's). Reading the entities is Hibernate's boot, most
 * of a {@code check} once the migrations come from their cache; a command whose entities did not
 * change since the last one reads them from here instead.
 *
 * <p>What can change the mapping is read whole: the class files of the mapped classes and of
 * every class they name ({@link MappingClasses}; an edited service or controller leaves the key
 * as it was), and every file under {@code META-INF} (orm.xml, persistence.xml, the services that
 * register Hibernate contributors) and every {@code .xml} file of the class path's folders. Other
 * files of those folders, and jars, count by their stamps (size, times and inode: a build that
 * changes a jar writes it again, and a copy that keeps its size and modification time still
 * changes its change time). A class file is read once while its stamp stays the same: what the
 * key took from it is kept ({@link ClassFileMemo}), so the key after an edit reads the edited
 * files only. Entities found on the tool's own class path (no class path configured) are never
 * cached: nothing there could be fingerprinted.
 *
 * <p>As with the compiled migrations, entries are written whole and moved into place, an entry
 * that cannot be read is a miss, and a cache that cannot be written costs only speed. The folder
 * is kept under a size ({@link CacheLimit}), the entries of entities long edited going first.
 */
final class EntityModelCache {

  private final Path directory;
  private final CacheLimit limit;

  EntityModelCache(Path directory, CacheLimit limit) {
    this.directory = directory;
    this.limit = limit;
  }

  static EntityModelCache standard() {
    return new EntityModelCache(CacheDirectory.of("entities"), CacheLimit.STANDARD);
  }

  /** The key of what {@code settings} read, or empty when it cannot be told (no class path, one missing). */
  static Optional<String> key(Settings settings) {
    return ClassPathFiles.list(settings).flatMap(listed -> key(settings, listed, Optional.empty())).map(Made::key);
  }

  /**
   * A key made from the files, with what its making told of the folders' classes.
   *
   * @param unmapped the folders' classes (binary names) whose class files name none of the
   *     mapping annotations: not mapped, so the entities' reading need not load them
   *     ({@link EntityClasses#find(Settings, ClassLoader, Set)})
   */
  record Made(String key, Set<String> unmapped) {}

  /**
   * The same, of the files as {@code stamps} listed them: a file added since is left out, and the
   * stamps read again once the entities are read tell it (see {@code Project.entityModel}). A class
   * file whose stamp is the one it had when a command read it before is not read again
   * ({@link ClassFileMemo}).
   */
  static Optional<String> key(Settings settings, Stamps stamps) {
    return make(settings, stamps).map(Made::key);
  }

  /** The same, with what it told of the folders' classes. */
  static Optional<Made> make(Settings settings, Stamps stamps) {
    return key(settings, stamps.listed(), Optional.of(stamps));
  }

  /** Content for what may change the mapping, size and time for the rest (see the class comment). */
  private static Optional<Made> key(Settings settings, ClassPathFiles listed, Optional<Stamps> stamps) {
    KeyDigest digest = settingsAndTool("entities", settings);
    try {
      // The same listing is walked three times: its files are their own keys (a record's hashCode
      // is linked through method handles on its first call, dear in a cold command).
      Map<FolderFiles.File, byte[]> texts = new IdentityHashMap<>();
      Map<String, FolderFiles.File> classFiles = new HashMap<>();
      List<String> namingTexts = new ArrayList<>(settingTexts(settings));
      boolean everyClass = false;
      for (ClassPathFiles.Entry entry : listed.entries()) {
        for (FolderFiles.File file : entry.folder().map(FolderFiles::files).orElse(List.of())) {
          String name = file.name();
          if (name.endsWith(".class")) {
            // A class in two folders: what each names is not told apart, so every class counts.
            everyClass |= classFiles.put(withoutClassSuffix(name), file) != null;
          } else if (name.endsWith(".xml") || name.startsWith("META-INF/")) {
            byte[] content = Files.readAllBytes(file.path());
            texts.put(file, content);
            String text = new String(content, StandardCharsets.UTF_8);
            namingTexts.add(text);
            everyClass |= name.endsWith(".xml") && MappingClasses.namesClassesInAPackage(text);
          }
        }
      }
      MappingClasses.KnownNames known = new MappingClasses.KnownNames(classFiles.keySet());
      Map<FolderFiles.File, ClassFileMemo.Facts> facts = classFacts(listed, classFiles, known, stamps);
      // A class in two folders is unmapped only when neither file names an annotation.
      Set<String> unmapped = new HashSet<>(classFiles.keySet());
      facts.forEach((file, fact) -> {
        if (fact.reach() == null || fact.reach().start()) {
          unmapped.remove(withoutClassSuffix(file.name()));
        }
      });
      Optional<Set<String>> counted = Optional.empty();
      if (!everyClass && facts.values().stream().allMatch(fact -> fact.reach() != null)) {
        Map<String, MappingClasses.Reach> reaches = new HashMap<>();
        classFiles.forEach((name, file) -> reaches.put(name, facts.get(file).reach()));
        counted = Optional.of(MappingClasses.counted(reaches, known, namingTexts));
      }
      for (ClassPathFiles.Entry entry : listed.entries()) {
        digest.text(entry.path().toAbsolutePath().normalize().toString());
        for (FolderFiles.File file : entry.files()) {
          String name = file.name();
          ClassFileMemo.Facts fact = facts.get(file);
          byte[] text = texts.get(file);
          if (fact != null) {
            if (counted.map(classes -> classes.contains(withoutClassSuffix(name))).orElse(true)) {
              // Its length first: a digest cannot run on into the next file's name.
              digest.text(name).text(String.valueOf(file.stamp().size())).text(fact.digest());
            }
          } else if (text != null) {
            digest.text(name).text(String.valueOf(text.length)).bytes(text);
          } else {
            // The whole stamp, the change time too: a jar put back with its size and modification
            // time (cp -p, rsync -t, a tool that fixes times) but other content is another key.
            SourceStamp stamp = file.stamp();
            digest.text(name).text(stamp.size() + "@" + stamp.modifiedNanos() + "/" + stamp.changedNanos() + "/"
                + stamp.device() + ":" + stamp.inode());
          }
        }
      }
      return Optional.of(new Made(digest.hex(), unmapped.stream().map(name -> name.replace('/', '.'))
          .collect(Collectors.toUnmodifiableSet())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * What the key reads of every class file of the folders, from the memo where the file's stamp
   * is the one it had then; the memo written again when a file had to be read and every stamp had
   * settled. A fact without a reach is of a file that is no class file (then every class counts).
   */
  private static Map<FolderFiles.File, ClassFileMemo.Facts> classFacts(ClassPathFiles listed,
      Map<String, FolderFiles.File> classFiles, MappingClasses.KnownNames known, Optional<Stamps> stamps)
      throws IOException {
    List<String> classes = new ArrayList<>(classFiles.keySet());
    Collections.sort(classes);
    ClassFileMemo memo = ClassFileMemo.standard();
    Map<String, ClassFileMemo.Facts> kept =
        stamps.map(given -> memo.read(given.project(), classes)).orElse(Map.of());
    Map<FolderFiles.File, ClassFileMemo.Facts> facts = new IdentityHashMap<>();
    Map<String, ClassFileMemo.Facts> toKeep = new HashMap<>();
    boolean read = false;
    for (ClassPathFiles.Entry entry : listed.entries()) {
      for (FolderFiles.File file : entry.folder().map(FolderFiles::files).orElse(List.of())) {
        if (!file.name().endsWith(".class")) {
          continue;
        }
        String path = file.path().toString();
        ClassFileMemo.Facts fact = kept.get(path);
        if (fact == null || !fact.stamp().sameAs(file.stamp())) {
          byte[] content = Files.readAllBytes(file.path());
          MappingClasses.Reach reach;
          try {
            reach = MappingClasses.reach(withoutClassSuffix(file.name()), content, known);
          } catch (IOException e) {
            reach = null;
          }
          fact = new ClassFileMemo.Facts(file.stamp(), KeyDigest.of(content), reach);
          read = true;
        }
        facts.put(file, fact);
        if (fact.reach() != null) {
          toKeep.put(path, fact);
        }
      }
    }
    if (read && stamps.isPresent() && stamps.get().settled()) {
      memo.write(stamps.get().project(), classes, toKeep);
    }
    return facts;
  }

  /** A class file's name under its folder as the class's internal name: com/example/User.class -> com/example/User. */
  private static String withoutClassSuffix(String fileName) {
    return fileName.substring(0, fileName.length() - ".class".length());
  }

  /** The settings' values that may name a class: the naming strategies, and Hibernate's settings. */
  private static List<String> settingTexts(Settings settings) {
    List<String> texts = new ArrayList<>(settings.hibernateSettings().values());
    texts.add(String.valueOf(settings.implicitNamingStrategy()));
    texts.add(String.valueOf(settings.physicalNamingStrategy()));
    return texts;
  }

  /**
   * What {@code settings} read as the file system stamps it, without reading a file: every file's
   * name with its size, times and identity ({@link SourceStamp}). The {@link #key} a command found
   * for the same stamps ({@link #remember}) is the key still, when they had settled: a write since
   * would have changed a stamp. Not settled when a stamp could still hide a write: a file changed
   * in the last seconds, or on a file system whose change times cannot be trusted. Empty when an
   * entry cannot be read.
   */
  static Optional<Stamps> stamps(Settings settings) {
    long readAt = System.currentTimeMillis();
    Optional<ClassPathFiles> listed = ClassPathFiles.list(settings);
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    KeyDigest project = settingsAndTool("entity stamps", settings);
    KeyDigest stamps = KeyDigest.start();
    boolean settled = true;
    // One look at the mount table per device, not per file: a class path has hundreds of jars.
    Map<Long, Boolean> trustedDevices = new HashMap<>();
    for (ClassPathFiles.Entry entry : listed.get().entries()) {
      project.text(entry.path().toAbsolutePath().normalize().toString());
      for (FolderFiles.File file : entry.files()) {
        SourceStamp stamp = file.stamp();
        settled &= stamp.settledBefore(readAt)
            && trustedDevices.computeIfAbsent(stamp.device(), device -> SourceStamp.trustsChangeTimes(file.path()));
        stamps.text(file.name() + " " + stamp.size() + " " + stamp.modifiedNanos() + " " + stamp.changedNanos() + " "
            + stamp.device() + " " + stamp.inode());
      }
    }
    return Optional.of(new Stamps(project.hex(), stamps.hex(), settled, listed.get(), readAt));
  }

  /**
   * The class path's stamps ({@link #stamps}).
   *
   * @param project the digest of the settings, the tool and the class path's entries: one
   *     remembered key per project, replaced as its files change
   * @param files the digest of every file's stamp
   * @param settled whether no stamp could hide a write: only then is a key remembered for them
   * @param listed the files as they were stamped, which {@link #key(Settings, Stamps)} reads
   * @param readAtMillis the clock just before the first file was stamped
   */
  record Stamps(String project, String files, boolean settled, ClassPathFiles listed, long readAtMillis) {}

  /** The key a command found for these stamps, if one did and it is still kept. */
  Optional<String> rememberedKey(Stamps stamps) {
    if (!stamps.settled()) {
      return Optional.empty();
    }
    try {
      String[] remembered = Files.readString(directory.resolve(stamps.project() + ".key"), StandardCharsets.US_ASCII)
          .split(" ");
      return remembered.length == 2 && remembered[0].equals(stamps.files()) && remembered[1].matches("[0-9a-f]{32}")
          ? Optional.of(remembered[1]) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps the key found for these stamps, for the next command that sees them. */
  void remember(Stamps stamps, String key) {
    if (!stamps.settled()) {
      return;
    }
    CacheDirectory.writeEntry(directory, stamps.project() + ".key",
        () -> (stamps.files() + " " + key).getBytes(StandardCharsets.US_ASCII), limit);
  }

  /** What besides the class path decides the model: the settings that reach Hibernate, and the tool. */
  private static KeyDigest settingsAndTool(String kind, Settings settings) {
    KeyDigest digest = KeyDigest.start().text(kind + " " + EntityModelCodec.FORMAT).text(ToolVersion.current())
        .text(ToolFingerprint.VALUE).text(String.join(",", settings.entities()))
        .text(String.valueOf(settings.implicitNamingStrategy())).text(String.valueOf(settings.physicalNamingStrategy()));
    new TreeMap<>(settings.hibernateSettings()).forEach((key, value) -> digest.text(key + "=" + value));
    return digest;
  }

  Optional<EntityModel> get(String key) {
    try {
      Path entry = entry(key);
      EntityModel model = EntityModelCodec.read(Files.readAllBytes(entry));
      CacheLimit.used(entry);
      return Optional.of(model);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void put(String key, EntityModel model) {
    CacheDirectory.writeEntry(directory, entryName(key), () -> EntityModelCodec.write(model), limit);
  }

  /** The file that holds the model of this key. */
  Path entry(String key) {
    return directory.resolve(entryName(key));
  }

  private static String entryName(String key) {
    return key + ".model";
  }

  /** The model of this key as kept, read from the class path as {@code stamps} found it. */
  KeptEntry kept(String key, Stamps stamps) {
    return new KeptEntry(entry(key), Instant.ofEpochMilli(stamps.readAtMillis()));
  }

  /**
   * The code that reads entities: the tool's classes and Hibernate's, where they were loaded
   * from ({@link CodeFingerprint}). Computed once per process.
   */
  private static final class ToolFingerprint {
    static final String VALUE =
        CodeFingerprint.of(List.of(EntityModelReader.class, EntityModelCache.class, org.hibernate.Version.class));
  }
}
