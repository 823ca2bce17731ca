package dev.autogenerate.runtime;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A class file's constant pool, read without loading the class: where its UTF-8 constants are
 * (names, descriptors, generic signatures, annotation values, string literals), and which of them
 * the class entries name. One walk of the pool serves both; a constant's text is decoded only
 * where it is asked for.
 */
public final class ConstantPool {

  private ConstantPool() {}

  /**
   * The names the class entries point to, internal form ({@code java/util/List}, an array as its
   * descriptor).
   *
   * @throws IOException when the bytes are not a class file
   */
  public static List<String> classNames(byte[] classFile) throws IOException {
    Pool pool = Pool.walk(classFile);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < pool.classCount(); i++) {
      int nameIndex = pool.classNameIndexes()[i];
      if (nameIndex <= 0 || nameIndex >= pool.textStarts().length || pool.textStarts()[nameIndex] < 0) {
        throw new IOException("class entry without a name");
      }
      int start = pool.textStarts()[nameIndex];
      names.add(text(classFile, start, start + pool.textLengths()[nameIndex]));
    }
    return names;
  }

  /**
   * Where the UTF-8 constants are in {@code classFile}: offset and length in bytes of each, in
   * pairs and in the pool's order, without decoding one. For a scan of every class of a class
   * path, where making a string of each constant would be most of the time.
   *
   * @throws IOException when the bytes are not a class file
   */
  public static int[] textSpans(byte[] classFile) throws IOException {
    Pool pool = Pool.walk(classFile);
    int[] spans = new int[2 * pool.textStarts().length];
    int filled = 0;
    for (int index = 1; index < pool.textStarts().length; index++) {
      if (pool.textStarts()[index] >= 0) {
        spans[filled++] = pool.textStarts()[index];
        spans[filled++] = pool.textLengths()[index];
      }
    }
    return Arrays.copyOf(spans, filled);
  }

  /**
   * The text of the bytes from {@code start} to {@code end}, read as a class file writes it:
   * modified UTF-8, which differs from UTF-8 for NUL and for the characters beyond the first
   * 65,536 (each half of their surrogate pair written as a character of its own).
   *
   * @throws IOException when the bytes are not modified UTF-8
   */
  public static String text(byte[] bytes, int start, int end) throws IOException {
    byte[] prefixed = new byte[end - start + 2];
    prefixed[0] = (byte) ((end - start) >> 8);
    prefixed[1] = (byte) (end - start);
    System.arraycopy(bytes, start, prefixed, 2, end - start);
    return new DataInputStream(new ByteArrayInputStream(prefixed)).readUTF();
  }

  /**
   * One walk of the pool: for each index, where its UTF-8 constant starts ({@code -1} for any
   * other kind of entry) and how long it is; and the name indexes of its class entries.
   */
  private record Pool(int[] textStarts, int[] textLengths, int[] classNameIndexes, int classCount) {

    static Pool walk(byte[] classFile) throws IOException {
      try {
        return read(classFile);
      } catch (ArrayIndexOutOfBoundsException e) {
        throw new IOException("constant pool runs past the class file's end", e);
      }
    }

    private static Pool read(byte[] classFile) throws IOException {
      if (classFile.length < 10 || readInt(classFile, 0) != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      int count = readUnsignedShort(classFile, 8);
      int[] starts = new int[count];
      Arrays.fill(starts, -1);
      int[] lengths = new int[count];
      int[] classNameIndexes = new int[count];
      int classes = 0;
      int position = 10;
      for (int index = 1; index < count; index++) {
        int tag = classFile[position] & 0xFF;
        position++;
        switch (tag) {
          case 1 -> {
            lengths[index] = readUnsignedShort(classFile, position);
            starts[index] = position + 2;
            position += 2 + lengths[index];
          }
          case 7 -> {
            classNameIndexes[classes++] = readUnsignedShort(classFile, position);
            position += 2;
          }
          case 8, 16, 19, 20 -> position += 2;
          case 15 -> position += 3;
          case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 4;
          case 5, 6 -> {
            position += 8;
            index++; // a long or double takes two entries
          }
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      if (position > classFile.length) {
        throw new IOException("constant pool runs past the class file's end");
      }
      return new Pool(starts, lengths, classNameIndexes, classes);
    }

    private static int readUnsignedShort(byte[] bytes, int at) {
      return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    private static int readInt(byte[] bytes, int at) {
      return readUnsignedShort(bytes, at) << 16 | readUnsignedShort(bytes, at + 2);
    }
  }
}
