package dev.autogenerate.database.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of PostgreSQL's JDBC driver that a {@code check} against a server loads, listed in
 * {@code driver-classes.txt} beside this class (how the list is made is written at its top). A
 * run without a server cannot make the driver load them by using it, as an in-memory database
 * does for SQLite's.
 */
final class PostgresDriverClasses {

  static final String LIST = "driver-classes.txt";

  private PostgresDriverClasses() {}

  /** The listed class names, without the comments. */
  static List<String> names() throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = PostgresDriverClasses.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IOException(LIST + " is missing beside " + PostgresDriverClasses.class.getName());
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Loads each listed class without initializing it; one that is not there is skipped. */
  static void load() {
    ClassLoader loader = PostgresDriverClasses.class.getClassLoader();
    try {
      for (String name : names()) {
        try {
          Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          // A driver of another version: the archive only holds less of it.
        }
      }
    } catch (IOException e) {
      // Only the archive's content is at stake.
    }
  }
}
