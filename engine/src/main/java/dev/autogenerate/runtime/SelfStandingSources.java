package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which migration sources stand alone in their folder: what javac makes of them cannot depend on
 * any other file of the folder, so their classes, once compiled, may be taken again whatever
 * else in the folder changed.
 *
 * <p>The rule: a source stands alone when no identifier its text mentions (in code, comments or
 * strings) is the simple name of a class another source declares, and no class its classes
 * refer to ({@link ClassReferences}) has such a name. Why both: javac finds every other class
 * through a simple name written in the text (an import, a qualified name's first part, a
 * same-package or on-demand name), so a text that writes none of the folder's names resolves the
 * same with or without the other files; and a reference covers the names reached without being
 * written (a method's result used in a chain). The constant pool alone is not relied on: javac
 * copies a {@code static final} constant's value into the class that uses it, and whether it
 * also leaves a reference to the class that declares it is the compiler's choice, so an edited
 * constant could go unseen; the text names that class in any case. Names are compared by simple
 * name, whatever the package: more files count as dependent than need to, never fewer. A class
 * counts by the name of its top-level class, the only name through which another file can reach
 * a nested one (a qualified name, an import, a superclass): files with nested classes of the same
 * name stand alone. The classes of the file itself count for it, except when another file
 * declares the same name (a duplicate, or an ambiguity for javac to report).
 *
 * <p>A source that stands alone compiles to the same classes with any other files beside it, so
 * its classes are kept by its own text alone ({@link CompiledClassCache}); a source that does not
 * compiles again with the files it depends on whenever the folder's history entry is stale.
 */
final class SelfStandingSources {

  private SelfStandingSources() {}

  /**
   * One source, as far as the rule needs it.
   *
   * @param text its text, read for the names it mentions only when it is judged
   * @param declared the names of the top-level classes it declares (or, not compiled yet, may declare)
   * @param classes its compiled classes by binary name, or none when not compiled yet
   */
  record Source(Path path, String text, Set<String> declared, Map<String, byte[]> classes) {

    /** A compiled source: what it declares is read from its classes, by their top-level names. */
    static Source compiled(Path path, String text, Map<String, byte[]> classes) {
      Set<String> declared = new HashSet<>();
      classes.keySet().forEach(name -> declared.add(SourceNames.topLevelName(name)));
      return new Source(path, text, declared, classes);
    }

    /** A source not compiled yet: what it declares is read from its text, which tells more than there is. */
    static Source uncompiled(Path path, String text) {
      return new Source(path, text, SourceNames.declared(text), Map.of());
    }
  }

  /**
   * Those of the {@code judged} sources that stand alone among all the sources of their
   * {@code folder}, by the rule of the class comment.
   */
  static Set<Path> of(List<Source> folder, Collection<Path> judged) {
    Map<String, Integer> declarers = new HashMap<>();
    for (Source source : folder) {
      source.declared().forEach(name -> declarers.merge(name, 1, Integer::sum));
    }
    Set<Path> alone = new HashSet<>();
    for (Source source : folder) {
      if (judged.contains(source.path()) && standsAlone(source, declarers)) {
        alone.add(source.path());
      }
    }
    return alone;
  }

  private static boolean standsAlone(Source source, Map<String, Integer> declarers) {
    for (String name : SourceNames.mentioned(source.text())) {
      if (declaredByAnother(name, source, declarers)) {
        return false;
      }
    }
    try {
      for (byte[] classFile : source.classes().values()) {
        for (String reference : ClassReferences.of(classFile)) {
          if (declaredByAnother(SourceNames.topLevelName(reference.replace('/', '.')), source, declarers)) {
            return false;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return true;
  }

  private static boolean declaredByAnother(String name, Source source, Map<String, Integer> declarers) {
    int count = declarers.getOrDefault(name, 0);
    return count > (source.declared().contains(name) ? 1 : 0);
  }
}
