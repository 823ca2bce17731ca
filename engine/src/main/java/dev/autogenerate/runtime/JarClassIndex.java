package dev.autogenerate.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * The class files of one jar, listed for javac by package instead of javac opening the jar itself.
 *
 * <p>javac opens every jar on its class path as a zip file system and walks each of its folders
 * before it lists one package. The command line's own jar holds the migration API and everything
 * the tool bundles (16,000 entries), so that walk was 80 ms of every command that compiled a
 * migration, a sixth of javac's time for one file. The JDK's {@link ZipFile} reads the same
 * directory in a fraction of that. What javac sees is the same: the jar's classes in their
 * place on the class path, and in a multi-release jar the version of each class javac itself
 * would choose (the newest up to the release it compiles for).
 */
final class JarClassIndex implements Closeable {

  private static final String VERSIONS = "META-INF/versions/";

  private final ZipFile zip;
  private final URI jarUri;
  private final String jarPath;
  /** The class files' names in the jar's base, by package (in the jar's order). */
  private final Map<String, List<String>> namesByPackage;
  /** A multi-release jar's chosen versions of base names, by base name. */
  private final Map<String, ZipEntry> versioned;
  /**
   * What {@link #list} made of a package, made once: the file objects javac remembers. Compiles
   * on several threads may share one index ({@link CompileClassPath}).
   */
  private final Map<String, List<JavaFileObject>> listed = new ConcurrentHashMap<>();
  /** The jars the manifest's Class-Path names, which this index does not list. */
  private final List<Path> manifestClassPath;

  private JarClassIndex(ZipFile zip, Path jar, Map<String, List<String>> namesByPackage,
      Map<String, ZipEntry> versioned, List<Path> manifestClassPath) {
    this.zip = zip;
    this.manifestClassPath = manifestClassPath;
    this.jarUri = jar.toUri();
    this.jarPath = jar.toString();
    this.namesByPackage = namesByPackage;
    this.versioned = versioned;
  }

  /**
   * Reads the jar's directory: names only, as most of the 16,000 are never asked for (a file
   * object, its URI above all, is made for the packages javac lists).
   *
   * @param release the Java release javac compiles for, which picks a multi-release jar's versions
   */
  static JarClassIndex open(Path jar, int release) throws IOException {
    JarFile zip = new JarFile(jar.toFile(), false);
    try {
      Manifest manifest = zip.getManifest();
      Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
      boolean multiRelease = "true".equalsIgnoreCase(attributes.getValue(Attributes.Name.MULTI_RELEASE));
      Map<String, List<String>> namesByPackage = new HashMap<>();
      Map<String, ZipEntry> versioned = new HashMap<>();
      Map<String, Integer> versionOf = new HashMap<>();
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        String path = name;
        int version = 0;
        if (name.startsWith("META-INF/")) {
          if (!multiRelease || !name.startsWith(VERSIONS)) {
            continue;
          }
          int slash = name.indexOf('/', VERSIONS.length());
          version = slash < 0 ? -1 : parseVersion(name.substring(VERSIONS.length(), slash));
          if (version < 9 || version > release) {
            continue;
          }
          path = name.substring(slash + 1);
        }
        int slash = path.lastIndexOf('/');
        if (path.startsWith("module-info.class", slash + 1)) {
          continue; // On the class path a jar is in the unnamed module: javac reads no module-info there.
        }
        if (version > 0) {
          Integer before = versionOf.get(path);
          if (before == null || before < version) {
            versioned.put(path, entry);
            versionOf.put(path, version);
          }
          if (before != null || zip.getEntry(path) != null) {
            continue; // Listed under its base name already, or will be.
          }
        }
        String packagePath = slash < 0 ? "" : path.substring(0, slash);
        namesByPackage.computeIfAbsent(packagePath, key -> new ArrayList<>()).add(path);
      }
      return new JarClassIndex(zip, jar, namesByPackage, versioned,
          namedJars(jar, attributes.getValue(Attributes.Name.CLASS_PATH)));
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  private static int parseVersion(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The jars a manifest's {@code Class-Path} names (space-separated URLs, relative to the jar's
   * folder), as javac reads them: those with a {@code file} URL only.
   */
  private static List<Path> namedJars(Path jar, String classPath) {
    if (classPath == null) {
      return List.of();
    }
    List<Path> named = new ArrayList<>();
    URI base = jar.toAbsolutePath().toUri();
    for (StringTokenizer tokens = new StringTokenizer(classPath); tokens.hasMoreTokens(); ) {
      try {
        URI uri = base.resolve(tokens.nextToken());
        if ("file".equals(uri.getScheme())) {
          named.add(Path.of(uri).normalize());
        }
      } catch (IllegalArgumentException e) {
        // A URL no path names: javac skips it too.
      }
    }
    return List.copyOf(named);
  }

  /** The jars the manifest's Class-Path names, in its order: javac reads them right after this one. */
  List<Path> manifestClassPath() {
    return manifestClassPath;
  }

  /** The class files of a package, and with {@code recurse} of the packages below it. */
  List<JavaFileObject> list(String packageName, boolean recurse) {
    String packagePath = packageName.replace('.', '/');
    List<JavaFileObject> found = new ArrayList<>(classesOf(packagePath));
    if (recurse) {
      String prefix = packagePath.isEmpty() ? "" : packagePath + "/";
      for (String other : namesByPackage.keySet().stream().sorted().toList()) {
        if (!other.equals(packagePath) && other.startsWith(prefix)) {
          found.addAll(classesOf(other));
        }
      }
    }
    return found;
  }

  private List<JavaFileObject> classesOf(String packagePath) {
    return listed.computeIfAbsent(packagePath, key -> {
      List<JavaFileObject> classes = new ArrayList<>();
      for (String path : namesByPackage.getOrDefault(key, List.of())) {
        ZipEntry entry = versioned.containsKey(path) ? versioned.get(path) : zip.getEntry(path);
        String binaryName = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        classes.add(new JarClass(zip, entry, binaryName, jarUri, jarPath));
      }
      // Any order would do (a package's names are distinct); a fixed one keeps every compile alike.
      classes.sort((a, b) -> ((JarClass) a).binaryName.compareTo(((JarClass) b).binaryName));
      return List.copyOf(classes);
    });
  }

  /** The binary name of a class this index listed, else null. */
  static String binaryName(FileObject file) {
    return file instanceof JarClass listed ? listed.binaryName : null;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** One class file in the jar, read when javac asks for it. */
  private static final class JarClass extends SimpleJavaFileObject {

    private final ZipFile zip;
    private final ZipEntry entry;
    private final String binaryName;
    private final String name;

    JarClass(ZipFile zip, ZipEntry entry, String binaryName, URI jar, String jarPath) {
      // The jar, then the entry, as a jar URL names it; with a path, as a file object's URI needs.
      super(uri(jar, entry), Kind.CLASS);
      this.zip = zip;
      this.entry = entry;
      this.binaryName = binaryName;
      this.name = jarPath + "(" + entry.getName() + ")";
    }

    private static URI uri(URI jar, ZipEntry entry) {
      try {
        return new URI("jar", null, jar.getPath() + "!/" + entry.getName(), null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("cannot name " + entry.getName() + " in " + jar, e);
      }
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isNameCompatible(String simpleName, Kind kind) {
      return kind == Kind.CLASS && binaryName.substring(binaryName.lastIndexOf('.') + 1).equals(simpleName);
    }

    @Override
    public InputStream openInputStream() throws IOException {
      return zip.getInputStream(entry);
    }

    @Override
    public long getLastModified() {
      return entry.getTime();
    }
  }
}
