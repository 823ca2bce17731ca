package dev.autogenerate.runtime;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
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
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndexes = new int[count];
    int classes = 0;
    for (int index = 1; index < count; index++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[index] = in.readUTF();
        case 7 -> classNameIndexes[classes++] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          index++; // a long or double takes two entries
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < classes; i++) {
      String name = utf8[classNameIndexes[i]];
      if (name == null) {
        throw new IOException("class entry without a name");
      }
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
