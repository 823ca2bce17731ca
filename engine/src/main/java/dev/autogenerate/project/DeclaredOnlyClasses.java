package dev.autogenerate.project;

import dev.autogenerate.runtime.ClassDeclarations;
import dev.autogenerate.runtime.ConstantPool;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mapped classes whose code cannot run while Hibernate reads the entities, which
 * {@link EntityModelCache}'s key may therefore take by their declarations alone
 * ({@link ClassDeclarations}): an edit inside one of their methods then keeps the cached model.
 *
 * <p>Hibernate maps an entity, a mapped superclass or an embeddable from its declarations,
 * through reflection, and calls none of its methods; but it runs other code of the application
 * while it reads them (converters, naming strategies, user types, generators, enum constants'
 * constructors), it initializes each class it loads (its static initializer runs), and a mapped
 * class may itself be one of Hibernate's extension points through a supertype. So a mapped
 * class counts by its declarations only when its own file allows it (no static initializer, a
 * superclass that is {@code Object} or such a class of the folders, only the JDK's interfaces;
 * not a converter), no setting or text file names it (a naming strategy, say), and no code that
 * may run reaches it: the code of every other class that counts, and of every mapped class that
 * falls back to its whole content, over and over, whose fields or methods name it as their
 * owner, or which extends it. Code that reaches a class through reflection alone, by a name
 * computed while it runs, is not seen (as {@link MappingClasses} does not see such a name).
 */
final class DeclaredOnlyClasses {

  /** The mapping annotations of a class Hibernate maps from its declarations alone. */
  private static final Set<String> DECLARED_MAPPINGS = Set.of("Ljakarta/persistence/Entity;",
      "Ljakarta/persistence/MappedSuperclass;", "Ljakarta/persistence/Embeddable;");

  private DeclaredOnlyClasses() {}

  /**
   * What decides it of one class file, which depends on that file alone once the folders'
   * classes are known (kept by {@link ClassFileMemo} with the file's stamp).
   *
   * @param declarations the digest of its declarations where its own file allows keying it by
   *     them, else empty
   * @param superName its superclass's internal name ({@code java/lang/Object})
   * @param memberOwners the other classes of the folders whose fields or methods its code names,
   *     sorted
   */
  record Shape(Optional<String> declarations, String superName, List<String> memberOwners) {

    static Shape of(byte[] classFile, MappingClasses.KnownNames known) throws IOException {
      Optional<ClassDeclarations.Declarations> declarations = ClassDeclarations.of(classFile);
      String superName = declarations.map(ClassDeclarations.Declarations::superName).orElse("");
      String name = declarations.map(ClassDeclarations.Declarations::name).orElse("");
      Set<String> owners = new TreeSet<>();
      for (String owner : ConstantPool.memberOwners(classFile)) {
        if (known.isKnown(owner) && !owner.equals(name)) {
          owners.add(owner);
        }
      }
      return new Shape(declarations.filter(DeclaredOnlyClasses::allowedByItsFile)
          .map(ClassDeclarations.Declarations::digest), superName, List.copyOf(owners));
    }
  }

  /**
   * The classes of {@code shapes} that count by their declarations.
   *
   * @param shapes the folders' classes', by internal name
   * @param counted the classes that count in the key ({@link MappingClasses}); one without a
   *     shape counts whole, and its code is taken to run
   * @param named the classes the settings' values and the class path's text files name
   */
  static Set<String> of(Map<String, Shape> shapes, Collection<String> counted, Set<String> named) {
    Set<String> declared = new HashSet<>();
    for (String name : counted) {
      Shape shape = shapes.get(name);
      if (shape != null && shape.declarations().isPresent() && !named.contains(name)
          && (shape.superName().equals("java/lang/Object") || isCandidate(shapes.get(shape.superName())))) {
        declared.add(name);
      }
    }
    Deque<String> running = new ArrayDeque<>();
    for (String name : counted) {
      if (!declared.contains(name)) {
        running.add(name);
      }
    }
    while (!running.isEmpty()) {
      Shape shape = shapes.get(running.poll());
      if (shape == null) {
        continue;
      }
      // What its code reaches, and its superclass, whose methods it inherits and may call.
      for (String reached : shape.memberOwners()) {
        if (declared.remove(reached)) {
          running.add(reached);
        }
      }
      if (declared.remove(shape.superName())) {
        running.add(shape.superName());
      }
    }
    return declared;
  }

  private static boolean isCandidate(Shape shape) {
    return shape != null && shape.declarations().isPresent();
  }

  /**
   * An entity, a mapped superclass or an embeddable, no converter, without a static initializer,
   * implementing only the JDK's interfaces (not one of Hibernate's or the application's, through
   * which it might be called).
   */
  private static boolean allowedByItsFile(ClassDeclarations.Declarations declarations) {
    if (declarations.staticInitializer()) {
      return false;
    }
    for (String implemented : declarations.interfaces()) {
      if (!implemented.startsWith("java/")) {
        return false;
      }
    }
    boolean mapped = false;
    for (String annotation : declarations.annotations()) {
      if (annotation.equals("Ljakarta/persistence/Converter;")) {
        return false;
      }
      mapped |= DECLARED_MAPPINGS.contains(annotation);
    }
    return mapped;
  }
}
