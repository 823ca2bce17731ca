package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;

/** What SourceCompiler makes of javac's diagnostics. */
class SourceCompilerPartsTest {

  /** A bad class file inside a jar: the error names it in its message, with no file to point at. */
  @Test
  void aDiagnosticAboutAClassInAJarIsAnErrorWithoutAFile() {
    JavaFileObject classInJar = new SimpleJavaFileObject(URI.create("jar:/work/lib/broken.jar!/a/B.class"),
        JavaFileObject.Kind.CLASS) {};

    SourceCompiler.CompileError error = SourceCompiler.error(diagnostic(classInJar, "bad class file: a/B.class"));

    assertNull(error.file());
    assertEquals("bad class file: a/B.class", error.message());
  }

  @Test
  void aDiagnosticAboutASourceFileNamesTheFile() {
    Path source = Path.of("/work/src/M1.java");
    JavaFileObject file = new SimpleJavaFileObject(source.toUri(), JavaFileObject.Kind.SOURCE) {};

    assertEquals(source, SourceCompiler.error(diagnostic(file, "cannot find symbol")).file());
  }

  /** javac says which symbol it could not find on a line of its own: the one line keeps it. */
  @Test
  void aMissingSymbolIsNamed() {
    JavaFileObject file = new SimpleJavaFileObject(Path.of("/work/src/M1.java").toUri(), JavaFileObject.Kind.SOURCE) {};

    SourceCompiler.CompileError error = SourceCompiler.error(diagnostic(file,
        "cannot find symbol\n  symbol:   variable INTEGR\n  location: class M1"));

    assertEquals("cannot find symbol; symbol: variable INTEGR", error.message());
  }

  private static Diagnostic<JavaFileObject> diagnostic(JavaFileObject source, String message) {
    return new Diagnostic<>() {
      @Override
      public Kind getKind() {
        return Kind.ERROR;
      }

      @Override
      public JavaFileObject getSource() {
        return source;
      }

      @Override
      public long getPosition() {
        return NOPOS;
      }

      @Override
      public long getStartPosition() {
        return NOPOS;
      }

      @Override
      public long getEndPosition() {
        return NOPOS;
      }

      @Override
      public long getLineNumber() {
        return 1;
      }

      @Override
      public long getColumnNumber() {
        return 1;
      }

      @Override
      public String getCode() {
        return "compiler.err.test";
      }

      @Override
      public String getMessage(Locale locale) {
        return message;
      }
    };
  }
}
