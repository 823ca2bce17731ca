package dev.autogenerate.project;

import dev.autogenerate.runtime.ConstantPool;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
final class MappingClasses {

  private static final Set<String> MAPPING_ANNOTATIONS = Set.of("Ljakarta/persistence/Entity;",
      "Ljakarta/persistence/MappedSuperclass;", "Ljakarta/persistence/Embeddable;", "Ljakarta/persistence/Converter;");

  private MappingClasses() {}

  /**
   * The classes that count, by internal name ({@code com/example/User}).
   *
   * @param classFiles every class file of the folders, by internal name
   * @param texts what else names classes: the settings' values, the folders' text files
   * @return empty when a class file cannot be read: then every class counts
   */
  static Optional<Set<String>> of(Map<String, byte[]> classFiles, Collection<String> texts) {
    Set<String> counted = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    Map<String, ConstantPool> pools = new HashMap<>();
    try {
      for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
        ConstantPool pool = ConstantPool.of(file.getValue());
        pools.put(file.getKey(), pool);
        if (isPackageInfo(file.getKey()) || pool.texts().stream().anyMatch(MAPPING_ANNOTATIONS::contains)) {
          pending.add(file.getKey());
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    for (String text : texts) {
      namedIn(text, classFiles.keySet(), pending::add);
    }
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (counted.add(name)) {
        for (String text : pools.get(name).texts()) {
          namedIn(text, classFiles.keySet(), named -> {
            if (!counted.contains(named)) {
              pending.add(named);
            }
          });
        }
      }
    }
    return Optional.of(counted);
  }

  private static boolean isPackageInfo(String name) {
    return name.equals("package-info") || name.endsWith("/package-info");
  }

  /** Tells {@code found} each class of {@code known} that {@code text} names. */
  static void namedIn(String text, Set<String> known, Consumer<String> found) {
    int length = text.length();
    int start = 0;
    while (start < length) {
      while (start < length && !isNameCharacter(text.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < length && isNameCharacter(text.charAt(end))) {
        end++;
      }
      if (end > start) {
        String run = text.substring(start, end).replace('.', '/');
        namedAtStartOf(run, known, found);
        // A descriptor's class: Lcom/example/Status (its ; ended the run).
        if (run.length() > 1 && run.charAt(0) == 'L') {
          namedAtStartOf(run.substring(1), known, found);
        }
      }
      start = end;
    }
  }

  /**
   * The run itself, and each of its beginnings that ends before a separator: a name followed by
   * more (com.example.Status.ACTIVE, com/example/User.class, a nested class spelled in source,
   * com.example.Order.Line, names its outer class, whose constant pool names the nested one).
   */
  private static void namedAtStartOf(String run, Set<String> known, Consumer<String> found) {
    for (int separator = run.indexOf('/'); separator > 0; separator = run.indexOf('/', separator + 1)) {
      String beginning = run.substring(0, separator);
      if (known.contains(beginning)) {
        found.accept(beginning);
      }
    }
    if (known.contains(run)) {
      found.accept(run);
    }
  }

  private static boolean isNameCharacter(char c) {
    return Character.isJavaIdentifierPart(c) || c == '/' || c == '.';
  }
}
