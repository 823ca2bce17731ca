package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.junit.jupiter.api.Test;

/** Which package URLs name a jar nested in another, to be read through their own connection. */
class ClassScannerTest {

  @Test
  void aJarOfItsOwnIsNoNestedJar() throws Exception {
    assertFalse(ClassScanner.isJarInsideAJar(new URL("jar:file:/app/lib/app.jar!/com/example/migrations")));
    assertFalse(ClassScanner.isJarInsideAJar(new URL("file:/app/classes/com/example/migrations")));
  }

  @Test
  void springBootsNestedJarsOldAndNewAre() throws Exception {
    assertTrue(ClassScanner.isJarInsideAJar(new URL("jar:file:/app.jar!/BOOT-INF/classes!/com/example/migrations")));
    assertTrue(ClassScanner.isJarInsideAJar(
        new URL(null, "jar:nested:/app.jar/!BOOT-INF/classes/!/com/example/migrations", new UnopenedHandler())));
  }

  /** Lets a URL of a protocol this JVM does not know be parsed; it is never opened here. */
  private static final class UnopenedHandler extends java.net.URLStreamHandler {
    @Override
    protected java.net.URLConnection openConnection(URL url) {
      throw new UnsupportedOperationException();
    }

    @Override
    protected void parseURL(URL url, String spec, int start, int limit) {
      setURL(url, "jar", null, -1, null, null, spec.substring("jar:".length()), null, null);
    }
  }
}
