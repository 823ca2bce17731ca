package dev.autogenerate.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a class file declares, without what its methods do: the class's name, flags, supertypes,
 * attributes and annotations, and each field's and method's flags, name, type, generic signature
 * and annotations, every reference to the constant pool written out as the constant it points
 * to. The methods' code (and the attributes that serve it alone: the bootstrap methods, the
 * source file's name) is left out, so an edit inside a method body leaves the declarations as
 * they were, however the compiler renumbered the pool.
 *
 * <p>Hibernate builds an entity's mapping from its declarations (through reflection) and never
 * from its code, so {@code EntityModelCache} keys a mapped class by these: the command after an
 * edit of an entity's method (its {@code toString}, a business rule) takes the entities' model
 * from its cache. A new method, field, lambda or annotation is a declaration, and reads the
 * entities again.
 *
 * <p>Only what the JVM's specification defines for a class, a field, a method and a record
 * component is read; a file holding any other attribute (a module, a compiler's own) has no
 * declarations here, and its caller keys it by its whole content.
 */
public final class ClassDeclarations {

  private final byte[] bytes;
  private final int[] entryStarts;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<String> classAnnotations = new ArrayList<>();
  private int position;
  /** The class's internal name, once read. */
  private String name;
  private String superName;
  private boolean staticInitializer;

  private ClassDeclarations(byte[] bytes, int[] entryStarts) {
    this.bytes = bytes;
    this.entryStarts = entryStarts;
    this.position = entryStarts[entryStarts.length - 1];
  }

  /**
   * A class file's declarations.
   *
   * @param digest their key ({@link KeyDigest})
   * @param annotations the descriptors of the annotations on the class itself
   *     ({@code Ljakarta/persistence/Entity;}), visible at run time or not
   * @param name the class's internal name
   * @param superName the internal name of its superclass, empty for {@code java/lang/Object} itself
   * @param interfaces the internal names of the interfaces it implements
   * @param staticInitializer whether it has one: the JVM runs it when Hibernate loads the class
   */
  public record Declarations(String digest, List<String> annotations, String name, String superName,
      List<String> interfaces, boolean staticInitializer) {}

  /**
   * The declarations of {@code classFile}; empty when it holds an attribute this does not read, or
   * is no class file: then only its whole content can key it.
   */
  public static Optional<Declarations> of(byte[] classFile) {
    try {
      ClassDeclarations reader = new ClassDeclarations(classFile, ConstantPool.entryStarts(classFile));
      return Optional.of(reader.read());
    } catch (IOException | UnknownAttribute | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private Declarations read() throws IOException {
    writeShort(readShort(6)); // the major version
    writeShort(u2()); // access flags
    int thisClass = u2();
    name = utf8(classNameIndex(thisClass));
    classConstant(thisClass);
    int superClass = u2();
    optionalClassConstant(superClass);
    superName = optionalClassName(superClass);
    int interfaceCount = u2();
    writeShort(interfaceCount);
    List<String> interfaces = new ArrayList<>();
    for (int i = 0; i < interfaceCount; i++) {
      int index = u2();
      interfaces.add(utf8(classNameIndex(index)));
      classConstant(index);
    }
    members(Where.FIELD);
    members(Where.METHOD);
    attributes(Where.CLASS);
    if (position != bytes.length) {
      throw new IOException("bytes after the class file's end");
    }
    return new Declarations(KeyDigest.start().text("declarations").bytes(out.toByteArray()).hex(),
        List.copyOf(classAnnotations), name, superName, List.copyOf(interfaces), staticInitializer);
  }

  /** Where an attribute stands: each place has its own. */
  private enum Where { CLASS, FIELD, METHOD, RECORD_COMPONENT }

  private void members(Where where) throws IOException {
    int count = u2();
    writeShort(count);
    for (int i = 0; i < count; i++) {
      writeShort(u2()); // access flags
      int memberName = u2();
      staticInitializer |= where == Where.METHOD && utf8(memberName).equals("<clinit>");
      utf8Constant(memberName);
      utf8Constant(u2()); // descriptor
      attributes(where);
    }
  }

  private void attributes(Where where) throws IOException {
    int count = u2();
    for (int i = 0; i < count; i++) {
      String attribute = utf8(u2());
      int length = u4();
      int end = position + length;
      if (end > bytes.length || length < 0) {
        throw new IOException("attribute runs past the class file's end");
      }
      if (leftOut(attribute, where)) {
        position = end;
        continue;
      }
      if (!attribute.equals("InnerClasses")) {
        text(attribute);
      }
      attribute(attribute, where);
      if (position != end) {
        throw new IOException(attribute + " attribute of another length than it says");
      }
    }
    text("end of attributes");
  }

  /** What serves the code alone: the code, and the class's bootstrap methods and source file. */
  private static boolean leftOut(String name, Where where) {
    return where == Where.METHOD && name.equals("Code")
        || where == Where.CLASS && (name.equals("BootstrapMethods") || name.equals("SourceFile")
            || name.equals("SourceDebugExtension"));
  }

  private void attribute(String attribute, Where where) throws IOException {
    switch (attribute) {
      case "ConstantValue" -> constant(u2());
      case "Signature" -> utf8Constant(u2());
      case "Deprecated", "Synthetic" -> { }
      case "Exceptions", "NestMembers", "PermittedSubclasses" -> {
        int count = u2();
        writeShort(count);
        for (int i = 0; i < count; i++) {
          classConstant(u2());
        }
      }
      case "NestHost" -> classConstant(u2());
      case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> annotations(where == Where.CLASS);
      case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
        int parameters = u1();
        writeShort(parameters);
        for (int i = 0; i < parameters; i++) {
          annotations(false);
        }
      }
      case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" -> typeAnnotations();
      case "AnnotationDefault" -> elementValue();
      case "MethodParameters" -> {
        int count = u1();
        writeShort(count);
        for (int i = 0; i < count; i++) {
          optionalUtf8Constant(u2());
          writeShort(u2());
        }
      }
      case "InnerClasses" -> {
        // Every nested class the pool names is listed, one the code uses as well
        // (MethodHandles.Lookup for a string concatenation, an anonymous class): only the
        // class's own members and its own place are declarations, and without them the
        // attribute is as if absent.
        int count = u2();
        for (int i = 0; i < count; i++) {
          int innerIndex = u2();
          int outerIndex = u2();
          String inner = optionalClassName(innerIndex);
          String outer = optionalClassName(outerIndex);
          int simpleName = u2();
          int flags = u2();
          if (inner.equals(name) || outer.equals(name)) {
            text("inner class");
            optionalClassConstant(innerIndex);
            optionalClassConstant(outerIndex);
            optionalUtf8Constant(simpleName);
            writeShort(flags);
          }
        }
      }
      case "EnclosingMethod" -> {
        classConstant(u2());
        int method = u2();
        if (method == 0) {
          text("");
        } else {
          // A name and type: the method's name and descriptor.
          int at = entry(method, 12);
          utf8Constant(readShort(at + 1));
          utf8Constant(readShort(at + 3));
        }
      }
      case "Record" -> {
        int count = u2();
        writeShort(count);
        for (int i = 0; i < count; i++) {
          utf8Constant(u2());
          utf8Constant(u2());
          attributes(Where.RECORD_COMPONENT);
        }
      }
      default -> throw new UnknownAttribute();
    }
  }

  private void annotations(boolean onTheClass) throws IOException {
    int count = u2();
    writeShort(count);
    for (int i = 0; i < count; i++) {
      String type = annotation();
      if (onTheClass) {
        classAnnotations.add(type);
      }
    }
  }

  /** One annotation; its type's descriptor. */
  private String annotation() throws IOException {
    int typeIndex = u2();
    utf8Constant(typeIndex);
    int pairs = u2();
    writeShort(pairs);
    for (int i = 0; i < pairs; i++) {
      utf8Constant(u2());
      elementValue();
    }
    return utf8(typeIndex);
  }

  private void elementValue() throws IOException {
    int tag = u1();
    out.write(tag);
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's' -> constant(u2());
      case 'e' -> {
        utf8Constant(u2());
        utf8Constant(u2());
      }
      case 'c' -> utf8Constant(u2());
      case '@' -> annotation();
      case '[' -> {
        int count = u2();
        writeShort(count);
        for (int i = 0; i < count; i++) {
          elementValue();
        }
      }
      default -> throw new IOException("unknown element value tag " + tag);
    }
  }

  /**
   * Type annotations on the class, a field, a method or a record component (those in a method's
   * code went with it): where each stands holds no pool reference, so it is written as it is.
   */
  private void typeAnnotations() throws IOException {
    int count = u2();
    writeShort(count);
    for (int i = 0; i < count; i++) {
      int targetType = u1();
      out.write(targetType);
      int targetInfoLength = switch (targetType) {
        case 0x00, 0x01, 0x16 -> 1; // a type parameter, a formal parameter
        case 0x10, 0x11, 0x12, 0x17 -> 2; // a supertype, a type parameter's bound, a throws clause
        case 0x13, 0x14, 0x15 -> 0; // a field's, a return's or a receiver's type
        default -> throw new UnknownAttribute();
      };
      copy(targetInfoLength);
      int pathLength = u1();
      out.write(pathLength);
      copy(2 * pathLength);
      annotation();
    }
  }

  private void copy(int length) throws IOException {
    if (position + length > bytes.length) {
      throw new IOException("runs past the class file's end");
    }
    out.write(bytes, position, length);
    position += length;
  }

  /** A loadable constant as its value: a number's bytes, a string's or a class's text. */
  private void constant(int index) throws IOException {
    int at = entryStart(index);
    int tag = bytes[at] & 0xFF;
    out.write(tag);
    switch (tag) {
      case 1 -> utf8Constant(index);
      case 3, 4 -> out.write(bytes, at + 1, 4);
      case 5, 6 -> out.write(bytes, at + 1, 8);
      case 7, 8 -> utf8Constant(readShort(at + 1));
      default -> throw new UnknownAttribute();
    }
  }

  private void classConstant(int index) throws IOException {
    utf8Constant(classNameIndex(index));
  }

  private void optionalClassConstant(int index) throws IOException {
    if (index == 0) {
      text("");
    } else {
      classConstant(index);
    }
  }

  private String optionalClassName(int index) throws IOException {
    return index == 0 ? "" : utf8(classNameIndex(index));
  }

  private int classNameIndex(int index) throws IOException {
    return readShort(entry(index, 7) + 1);
  }

  /**
   * A UTF-8 constant as the pool holds it (modified UTF-8), its length first: decoded and encoded
   * again, an unpaired surrogate would become a question mark and two names one.
   */
  private void utf8Constant(int index) throws IOException {
    int at = entry(index, 1);
    int length = readShort(at + 1);
    writeInt(length);
    out.write(bytes, at + 3, length);
  }

  private void optionalUtf8Constant(int index) throws IOException {
    if (index == 0) {
      text("");
    } else {
      utf8Constant(index);
    }
  }

  private String utf8(int index) throws IOException {
    int at = entry(index, 1);
    int length = readShort(at + 1);
    return ConstantPool.text(bytes, at + 3, at + 3 + length);
  }

  /** Where entry {@code index} starts, which must be of kind {@code tag}. */
  private int entry(int index, int tag) throws IOException {
    int at = entryStart(index);
    if ((bytes[at] & 0xFF) != tag) {
      throw new IOException("constant " + index + " is not of kind " + tag);
    }
    return at;
  }

  private int entryStart(int index) throws IOException {
    if (index <= 0 || index >= entryStarts.length - 1 || entryStarts[index] == 0) {
      throw new IOException("no constant " + index);
    }
    return entryStarts[index];
  }

  /** A text, its length first, so that no two sequences of texts write the same bytes. */
  private void text(String text) {
    byte[] encoded = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    writeInt(encoded.length);
    out.write(encoded, 0, encoded.length);
  }

  private void writeShort(int value) {
    out.write(value >>> 8);
    out.write(value);
  }

  private void writeInt(int value) {
    writeShort(value >>> 16);
    writeShort(value & 0xFFFF);
  }

  private int u1() {
    return bytes[position++] & 0xFF;
  }

  private int u2() {
    int value = readShort(position);
    position += 2;
    return value;
  }

  private int u4() {
    int value = readShort(position) << 16 | readShort(position + 2);
    position += 4;
    return value;
  }

  private int readShort(int at) {
    return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
  }

  /** An attribute this does not read: the class is keyed by its whole content. */
  private static final class UnknownAttribute extends RuntimeException {
    UnknownAttribute() {
      super(null, null, false, false);
    }
  }
}
