package dev.autogenerate.cli.daemon;

import dev.autogenerate.cli.AutogenerateCli;
import dev.autogenerate.cli.daemon.warmup.WarmUpOwner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a new daemon does before it takes its first command: the command line's own work, run on a
 * throwaway SQLite project of two entities the tool's jar holds ({@code warmup}), in a folder and
 * cache of its own. A fresh JVM without the launcher's archives took 1-2.5 s for its first
 * command, where a JVM of the command's own takes 0.3-0.7 s; the launchers meanwhile run their
 * commands in JVMs of their own, since the daemon writes its entry only after this. It loads and
 * compiles what most commands use: picocli, the settings, Hibernate's boot and binding, the
 * comparison, the writing of a migration, javac, the runtime applying it, SQLite's inspection.
 * PostgreSQL's driver and inspector stay for the first command that uses them. Nothing of it
 * reaches the user's folders, caches or databases; a failure only leaves the daemon colder.
 */
final class DaemonWarmUp {

  private static final String CACHE_PROPERTY = "autogenerate.cache";
  /** Checks after the migration: the JIT compiles what runs often, and a check's work is most of a day's. */
  private static final int CHECKS = 4;

  private DaemonWarmUp() {}

  /** The exit codes of the commands it ran, in order (all 0 when everything worked). */
  static List<Integer> run() {
    List<Integer> codes = new ArrayList<>();
    Path folder = null;
    String cacheBefore = System.getProperty(CACHE_PROPERTY);
    try {
      folder = Files.createTempDirectory("autogenerate-daemon-warm-up");
      // The warm-up's entries in a cache of its own (the property wins over the environment).
      System.setProperty(CACHE_PROPERTY, folder.resolve("cache").toString());
      Files.createDirectories(folder.resolve("migrations"));
      Map<String, String> environment = Map.of();
      List<String> options = List.of("--url", "jdbc:sqlite:" + folder.resolve("warm-up.db"),
          "--entities", WarmUpOwner.class.getPackageName(), "--migrations", folder.resolve("migrations").toString(),
          "--migrations-package", "warmup.migrations");
      codes.add(command(folder, environment, options, "-m", "warm up"));
      codes.add(command(folder, environment, options, "upgrade", "head"));
      for (int i = 0; i < CHECKS; i++) {
        codes.add(command(folder, environment, options, "check"));
      }
      codes.add(command(folder, environment, options, "history"));
    } catch (IOException | RuntimeException e) {
      codes.add(AutogenerateCli.ERROR);
    } finally {
      if (cacheBefore == null) {
        System.clearProperty(CACHE_PROPERTY);
      } else {
        System.setProperty(CACHE_PROPERTY, cacheBefore);
      }
      delete(folder);
    }
    return codes;
  }

  private static int command(Path folder, Map<String, String> environment, List<String> options, String... command) {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of(command));
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
    return AutogenerateCli.run(folder, environment, nowhere, nowhere, args.toArray(String[]::new));
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary folder: the system's tidying takes what is left.
    }
  }
}
