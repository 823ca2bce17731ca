package dev.autogenerate.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The classes each migration source compiled to, kept by what they were compiled from (the
 * source's name and text, the class path, the tool's version), so that a command on a long
 * history whose sources did not change compiles nothing, and one after a new or edited file
 * compiles that file alone. Only the classes of a source that {@linkplain SelfStandingSources
 * stands alone} are kept: nothing but those parts of the key decides them, and the
 * {@linkplain ApplicationClasses application's class files} their compile read, which an entry
 * keeps the digests of and is taken only while they hold. Kept in memory for the process, and on disk for
 * the next command, in the {@link CacheDirectory}.
 *
 * <p>Several commands may run at once: an entry is written to a temporary file and moved into
 * place atomically, so a reader sees a whole entry or none; an entry that cannot be read is a
 * miss, never an error. A cache that cannot be written costs only speed.
 */
final class CompiledClassCache {

  private static final int MEMORY_ENTRIES = 4096;

  /**
   * Starts every entry. Raise it whenever what an entry means changes: entries of earlier
   * releases (which kept the classes of sources that use other files' classes) are then misses.
   */
  private static final int FORMAT = 0x41470004;

  /** One source's classes, and the application's class files its compile read. */
  record Cached(Map<String, byte[]> classes, ApplicationClasses used) {}

  /** Entries of this process, least recently used dropped first. */
  private static final Map<String, Cached> MEMORY = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > MEMORY_ENTRIES;
    }
  };

  private final Path directory;
  private final boolean remembers;
  private final List<List<Path>> compiles = new ArrayList<>();

  CompiledClassCache(Path directory) {
    this(directory, true);
  }

  /** @param remembers whether entries are also kept in this process's memory (tests turn it off) */
  CompiledClassCache(Path directory, boolean remembers) {
    this.directory = directory;
    this.remembers = remembers;
  }

  /** The cache this process uses, as the class comment says. */
  static CompiledClassCache standard() {
    return new CompiledClassCache(CacheDirectory.of("migrations"));
  }

  /** What a source compiles from: its name and text, the class path it compiles against, this tool. */
  static String key(Path source, String classPath) throws IOException {
    return key(source, Files.readAllBytes(source), classPath);
  }

  /** The key of a source's text as read once: the same bytes must then be what compiles. */
  static String key(Path source, byte[] text, String classPath) {
    return KeyDigest.start().text(ToolVersion.current()).text(classPath).text(source.getFileName().toString())
        .bytes(text).hex();
  }

  /**
   * The classes (by binary name) stored under a key, if any, and if the application's class files
   * their compile read are still what they were on this class path.
   */
  Optional<Cached> get(String key, List<Path> classPath) {
    return entry(key).filter(found -> found.used().unchanged(classPath));
  }

  private Optional<Cached> entry(String key) {
    if (remembers) {
      synchronized (MEMORY) {
        Cached remembered = MEMORY.get(key);
        if (remembered != null) {
          return Optional.of(remembered);
        }
      }
    }
    Path file = directory.resolve(key + ".classes");
    try {
      Cached read = read(Files.readAllBytes(file));
      remember(key, read);
      return Optional.of(read);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Told by the compiler, before javac runs, which sources it is given (for tests to see). */
  synchronized void compiling(List<Path> sources) {
    compiles.add(List.copyOf(sources));
  }

  /** The sources javac was given, run by run, in compiles that used this cache. */
  synchronized List<List<Path>> compiles() {
    return List.copyOf(compiles);
  }

  void put(String key, Map<String, byte[]> classes, ApplicationClasses used) {
    Cached entry = new Cached(Map.copyOf(classes), used);
    remember(key, entry);
    CacheDirectory.writeEntry(directory, key + ".classes", () -> write(entry));
  }

  private void remember(String key, Cached entry) {
    if (!remembers) {
      return;
    }
    synchronized (MEMORY) {
      MEMORY.put(key, entry);
    }
  }

  /**
   * The format, a count, then each class as its name and its bytes; then a count and the
   * application's classes used, names and digests after one another.
   */
  private static byte[] write(Cached entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      Map<String, byte[]> sorted = new TreeMap<>(entry.classes());
      out.writeInt(sorted.size());
      for (Map.Entry<String, byte[]> type : sorted.entrySet()) {
        out.writeUTF(type.getKey());
        out.writeInt(type.getValue().length);
        out.write(type.getValue());
      }
      List<String> used = entry.used().texts();
      out.writeInt(used.size());
      for (String text : used) {
        out.writeUTF(text);
      }
    }
    return bytes.toByteArray();
  }

  private static Cached read(byte[] data) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    List<String> used = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != FORMAT) {
        throw new IOException("another format");
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int length = in.readInt();
        // Checked against what is left: a damaged length is a miss, not an array of two billion.
        if (length < 0 || length > in.available()) {
          throw new IOException("damaged: a class of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        classes.put(name, bytes);
      }
      int usedCount = in.readInt();
      for (int i = 0; i < usedCount; i++) {
        used.add(in.readUTF());
      }
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
    }
    return new Cached(Map.copyOf(classes), ApplicationClasses.fromTexts(used));
  }
}
