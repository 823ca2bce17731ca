package dev.autogenerate.testing;

import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/**
 * A Java source file that exists only as a string.
 *
 * <p>Its URI ends in the path javac expects ({@code com/example/Person.java}), so javac accepts
 * a public class in it and its diagnostics name a recognisable file.
 */
final class InMemorySource extends SimpleJavaFileObject {

  private final String text;

  InMemorySource(String className, String text) {
    super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
    this.text = text;
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return text;
  }
}
