package dev.autogenerate.runtime;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a class file's constant pool: every UTF-8 constant (names, descriptors, generic
 * signatures, annotation values, string literals), and which of them the class entries name.
 * Read without loading the class, for what a class file names.
 *
 * @param texts the UTF-8 constants, in the pool's order
 * @param classNames the names the class entries point to, internal form ({@code java/util/List},
 *     an array as its descriptor)
 */
public record ConstantPool(List<String> texts, List<String> classNames) {

  public ConstantPool {
    texts = List.copyOf(texts);
    classNames = List.copyOf(classNames);
  }

  /** @throws IOException when the bytes are not a class file */
  public static ConstantPool of(byte[] classFile) throws IOException {
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
    List<String> texts = new ArrayList<>();
    for (String text : utf8) {
      if (text != null) {
        texts.add(text);
      }
    }
    List<String> classNames = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      int nameIndex = classNameIndexes[i];
      if (nameIndex <= 0 || nameIndex >= count || utf8[nameIndex] == null) {
        throw new IOException("class entry without a name");
      }
      classNames.add(utf8[nameIndex]);
    }
    return new ConstantPool(texts, classNames);
  }

  /**
   * Where the UTF-8 constants are in {@code classFile}: offset and length in bytes of each, in
   * pairs, without decoding one. For a scan of every class of a class path, where making a string
   * of each constant would be most of the time.
   *
   * @throws IOException when the bytes are not a class file
   */
  public static int[] textSpans(byte[] classFile) throws IOException {
    try {
      return spans(classFile);
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IOException("constant pool runs past the class file's end", e);
    }
  }

  private static int[] spans(byte[] classFile) throws IOException {
    if (classFile.length < 10 || readInt(classFile, 0) != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    int count = readUnsignedShort(classFile, 8);
    int[] spans = new int[2 * count];
    int texts = 0;
    int position = 10;
    for (int index = 1; index < count; index++) {
      int tag = classFile[position] & 0xFF;
      position++;
      switch (tag) {
        case 1 -> {
          int length = readUnsignedShort(classFile, position);
          spans[texts++] = position + 2;
          spans[texts++] = length;
          position += 2 + length;
        }
        case 7, 8, 16, 19, 20 -> position += 2;
        case 15 -> position += 3;
        case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 4;
        case 5, 6 -> {
          position += 8;
          index++; // a long or double takes two entries
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return Arrays.copyOf(spans, texts);
  }

  private static int readUnsignedShort(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
  }

  private static int readInt(byte[] bytes, int at) {
    return readUnsignedShort(bytes, at) << 16 | readUnsignedShort(bytes, at + 2);
  }
}
