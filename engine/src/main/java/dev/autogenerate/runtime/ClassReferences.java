package dev.autogenerate.runtime;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes a compiled class can reach: the class entries of its constant pool, which every
 * method call, field access, allocation, cast and bootstrap method names its class through. What
 * the bytes cannot name (reflection by a computed string) needs {@code java.lang.Class} or
 * {@code java.lang.reflect}, which are entries themselves.
 */
final class ClassReferences {

  private ClassReferences() {}

  /**
   * The internal names ({@code java/util/List}) of the classes {@code classFile} refers to, array
   * types by their element type.
   *
   * @throws IOException when the bytes are not a class file
   */
  static Set<String> of(byte[] classFile) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String name : ConstantPool.classNames(classFile)) {
      int dimensions = 0;
      while (name.charAt(dimensions) == '[') {
        dimensions++;
      }
      if (dimensions == 0) {
        names.add(name);
      } else if (name.charAt(dimensions) == 'L') {
        names.add(name.substring(dimensions + 1, name.length() - 1));
      }
    }
    return names;
  }
}
