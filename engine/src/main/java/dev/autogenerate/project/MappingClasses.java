package dev.autogenerate.project;

import dev.autogenerate.runtime.ConstantPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The classes of the class path's folders that can change what Hibernate reads from the
 * entities: the mapped classes (annotated {@code @Entity}, {@code @MappedSuperclass},
 * {@code @Embeddable} or {@code @Converter}, the ones {@link EntityClasses} finds), the
 * {@code package-info} classes, the classes the settings and the class path's text files name
 * (services, persistence.xml), and every class those name, over and over. An edit anywhere else
 * (a service, a controller) leaves the entities' model as it was, so {@link EntityModelCache}'s
 * key leaves those classes out, and the command after such an edit takes the model from the
 * cache instead of reading every entity again.
 *
 * <p>What a class names is read from its constant pool, generously: every run of name
 * characters in its text (descriptors, generic signatures, annotation values, string literals)
 * that is a class of these folders, with or without a descriptor's leading {@code L}, whether
 * separated by {@code /} or {@code .}. A name the bytes cannot hold, one computed while the
 * program runs, is not seen; Hibernate reads a mapping's classes from what the mapping names.
 */
public final class MappingClasses {

  /** {@link EntityClasses#MAPPING_ANNOTATIONS} as a class file names them: Ljakarta/persistence/Entity; */
  private static final List<byte[]> MAPPING_ANNOTATIONS = EntityClasses.MAPPING_ANNOTATIONS.stream()
      .map(type -> ("L" + type.getName().replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8)).toList();

  private MappingClasses() {}

  /**
   * The classes that count, by internal name ({@code com/example/User}).
   *
   * @param classFiles every class file of the folders, by internal name
   * @param texts what else names classes: the settings' values, the folders' text files
   * @return empty when a class file cannot be read: then every class counts
   */
  public static Optional<Set<String>> of(Map<String, byte[]> classFiles, Collection<String> texts) {
    KnownNames known = new KnownNames(classFiles.keySet());
    Map<String, Reach> reaches = new HashMap<>();
    try {
      for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
        reaches.put(file.getKey(), reach(file.getKey(), file.getValue(), known));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(counted(reaches, known, texts));
  }

  /**
   * What {@link #of} reads of one class file, which depends on that file alone once the folders'
   * classes are known: a command that saw the file before, unchanged, need not read it again
   * ({@link ClassFileMemo}).
   *
   * @param start whether the classes that count start from it: a mapped class, or a package-info
   * @param named the folders' classes its constant pool names, sorted
   */
  record Reach(boolean start, List<String> named) {}

  /**
   * One class file's reach.
   *
   * @param name its internal name
   * @throws IOException when the bytes are no class file
   */
  static Reach reach(String name, byte[] classFile, KnownNames known) throws IOException {
    int[] textSpans = ConstantPool.textSpans(classFile);
    Set<String> named = new TreeSet<>();
    for (int i = 0; i < textSpans.length; i += 2) {
      known.namedIn(classFile, textSpans[i], textSpans[i] + textSpans[i + 1], named::add);
    }
    return new Reach(isPackageInfo(name) || isMapped(classFile, textSpans), List.copyOf(named));
  }

  /**
   * The classes that count, from every class file's reach: those the reaches start from and the
   * texts name, and every class those name, over and over.
   *
   * @param reaches every class file's of the folders, by internal name
   */
  static Set<String> counted(Map<String, Reach> reaches, KnownNames known, Collection<String> texts) {
    Set<String> counted = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    reaches.forEach((name, reach) -> {
      if (reach.start()) {
        pending.add(name);
      }
    });
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      known.namedIn(bytes, 0, bytes.length, pending::add);
    }
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (counted.add(name)) {
        for (String named : reaches.get(name).named()) {
          if (!counted.contains(named)) {
            pending.add(named);
          }
        }
      }
    }
    return counted;
  }

  /**
   * Whether an XML file is a mapping that may name its classes relative to a package (orm.xml's
   * {@code <package>}, hbm.xml's {@code package=}): not names {@link #of} can follow, so with
   * such a file every class counts. Other XML files (logging, persistence.xml, which names its
   * classes in full) are read for the names they hold, like any text.
   */
  static boolean namesClassesInAPackage(String xml) {
    return (xml.contains("<entity-mappings") || xml.contains("<hibernate-mapping") || xml.contains(":entity-mappings")
        || xml.contains(":hibernate-mapping")) && xml.contains("package");
  }

  private static boolean isPackageInfo(String name) {
    return name.equals("package-info") || name.endsWith("/package-info");
  }

  private static boolean isMapped(byte[] classFile, int[] textSpans) {
    for (int i = 0; i < textSpans.length; i += 2) {
      for (byte[] annotation : MAPPING_ANNOTATIONS) {
        if (textSpans[i + 1] == annotation.length
            && Arrays.equals(classFile, textSpans[i], textSpans[i] + annotation.length, annotation, 0, annotation.length)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The folders' classes, and the first parts of their names ({@code com}, {@code org}): a run
   * of text that does not begin with one names none of them, and most of a constant pool's text
   * (member names, the JDK's and Hibernate's classes in descriptors) is passed over on that look
   * alone, without a string made.
   */
  static final class KnownNames {

    private final Set<String> names;
    private final byte[][] firstParts;

    KnownNames(Set<String> names) {
      this.names = names;
      Set<String> firsts = new HashSet<>();
      for (String name : names) {
        int separator = name.indexOf('/');
        firsts.add(separator < 0 ? name : name.substring(0, separator));
      }
      this.firstParts = firsts.stream().map(first -> first.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /**
     * Tells {@code found} each class that the text in {@code bytes} from {@code from} to {@code to}
     * names: a class file's modified UTF-8, or plain UTF-8 (the same but for NUL and the
     * characters beyond the first 65,536; {@link #run} reads either).
     */
    void namedIn(byte[] bytes, int from, int to, Consumer<String> found) {
      int start = from;
      while (start < to) {
        while (start < to && !isNameByte(bytes[start])) {
          start++;
        }
        int end = start;
        while (end < to && isNameByte(bytes[end])) {
          end++;
        }
        if (beginsWithFirstPart(bytes, start, end)) {
          namedAtStartOf(run(bytes, start, end), found);
        }
        // A descriptor's class: Lcom/example/Status (its ; ended the run).
        if (end - start > 1 && bytes[start] == 'L' && beginsWithFirstPart(bytes, start + 1, end)) {
          namedAtStartOf(run(bytes, start + 1, end), found);
        }
        start = end;
      }
    }

    private boolean beginsWithFirstPart(byte[] bytes, int start, int end) {
      for (byte[] first : firstParts) {
        int after = start + first.length;
        if (after <= end && Arrays.equals(bytes, start, after, first, 0, first.length)
            && (after == end || bytes[after] == '/' || bytes[after] == '.')) {
          return true;
        }
      }
      return false;
    }

    /**
     * The run itself, and each of its beginnings that ends before a separator: a name followed
     * by more (com.example.Status.ACTIVE, com/example/User.class, a nested class spelled in
     * source, com.example.Order.Line, names its outer class, whose constant pool names the nested
     * one).
     */
    private void namedAtStartOf(String run, Consumer<String> found) {
      for (int separator = run.indexOf('/'); separator > 0; separator = run.indexOf('/', separator + 1)) {
        String beginning = run.substring(0, separator);
        if (names.contains(beginning)) {
          found.accept(beginning);
        }
      }
      if (names.contains(run)) {
        found.accept(run);
      }
    }

    private static String run(byte[] bytes, int start, int end) {
      for (int i = start; i < end; i++) {
        // The lead byte of a surrogate, or of NUL, the way modified UTF-8 writes them.
        if (bytes[i] == (byte) 0xED || bytes[i] == (byte) 0xC0) {
          return modifiedUtf8(bytes, start, end).replace('.', '/');
        }
      }
      return new String(bytes, start, end - start, StandardCharsets.UTF_8).replace('.', '/');
    }

    private static String modifiedUtf8(byte[] bytes, int start, int end) {
      try {
        return ConstantPool.text(bytes, start, end);
      } catch (IOException e) {
        // Not modified UTF-8 after all: a text file's own UTF-8.
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * A byte of a name: an ASCII letter, digit, {@code _}, {@code $}, separator, or any byte of a
   * character beyond ASCII (letters of other scripts, in a name or not: counting more is safe).
   */
  private static boolean isNameByte(byte b) {
    return b < 0 || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$'
        || b == '/' || b == '.';
  }
}
