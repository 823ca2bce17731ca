package dev.autogenerate.runtime;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Whether compiled migrations depend on nothing but their own bytes and the tool: then what their
 * upgrade records (and its checksum) is the same in every process that loads the same bytes into
 * the same tool, and may be kept with them. The classes of one file may refer to each other, to the migration API
 * (the packages a generated migration imports) and to the parts of the JDK that compute without
 * reading the world or chance: strings, numbers, collections, the bootstraps of string
 * concatenation and lambdas (not {@code Math}, for its random numbers, nor {@code Collections},
 * for its shuffles). Anything else (the application's classes, whose next build may return other values;
 * the clock, the environment, files, reflection) makes the operations something to record again
 * in each process.
 */
final class SelfContainedClasses {

  private static final Set<String> API_PACKAGES = Set.of(
      "dev/autogenerate/migration/", "dev/autogenerate/schema/", "dev/autogenerate/operations/");

  private static final Set<String> JDK_CLASSES = Set.of(
      "java/lang/Object", "java/lang/String", "java/lang/StringBuilder", "java/lang/CharSequence",
      "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character",
      "java/lang/Boolean", "java/lang/Double", "java/lang/Float", "java/lang/Number",
      "java/lang/Enum", "java/lang/Record", "java/lang/Iterable", "java/lang/runtime/ObjectMethods",
      "java/lang/invoke/StringConcatFactory", "java/lang/invoke/LambdaMetafactory",
      "java/lang/invoke/MethodHandles", "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandle",
      "java/lang/invoke/MethodType", "java/lang/invoke/CallSite",
      "java/util/List", "java/util/Map", "java/util/Map$Entry", "java/util/Set", "java/util/Collection",
      "java/util/Arrays", "java/util/ArrayList", "java/util/LinkedHashMap",
      "java/util/LinkedHashSet", "java/util/TreeMap", "java/util/TreeSet", "java/util/Iterator",
      "java/util/Objects", "java/util/Optional");

  private SelfContainedClasses() {}

  /** True when every class of {@code classes} (by binary name) refers only to what the class comment allows. */
  static boolean all(Map<String, byte[]> classes) {
    try {
      for (byte[] bytes : classes.values()) {
        for (String reference : ClassReferences.of(bytes)) {
          if (!allowed(reference, classes)) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean allowed(String reference, Map<String, byte[]> classes) {
    return classes.containsKey(reference.replace('/', '.'))
        || JDK_CLASSES.contains(reference)
        || reference.startsWith("java/util/function/")
        || API_PACKAGES.stream().anyMatch(reference::startsWith);
  }
}
