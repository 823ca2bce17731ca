package dev.autogenerate.cli.daemon;

import dev.autogenerate.cli.AutogenerateCli;
import dev.autogenerate.runtime.TemporaryFolders;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a new daemon does before it takes its first command: the command line's own work, run on a
 * throwaway SQLite project of two entities compiled for it (no entity ships in the tool's jar,
 * where an application scanning widely could find it), in a folder and cache of its own. A fresh JVM without the launcher's archives took 1-2.5 s for its first
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

  /** The two entities: a key from one to the other, a unique column, an index, a few types. */
  private static final String OWNER = """
      package warmup;

      import jakarta.persistence.*;
      import java.time.Instant;

      @Entity
      @Table(name = "warm_up_owners")
      public class Owner {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
        @Column(nullable = false, length = 80, unique = true) private String name;
        @Column(name = "created_at", nullable = false) private Instant createdAt;
      }
      """;

  private static final String ITEM = """
      package warmup;

      import jakarta.persistence.*;
      import java.math.BigDecimal;
      import java.util.UUID;

      @Entity
      @Table(name = "warm_up_items", indexes = @Index(name = "ix_warm_up_items_label", columnList = "label"))
      public class Item {
        @Id private UUID id;
        @Column(length = 40) private String label;
        @Column(precision = 10, scale = 2) private BigDecimal price;
        private boolean active;
        @ManyToOne(optional = false) private Owner owner;
      }
      """;

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
      compileEntities(folder);
      Map<String, String> environment = Map.of();
      List<String> options = List.of("--url", "jdbc:sqlite:" + folder.resolve("warm-up.db"),
          "--classpath", folder.resolve("classes").toString(), "--migrations", folder.resolve("migrations").toString(),
          "--migrations-package", "warmup.migrations");
      codes.add(command(folder, environment, options, "-m", "warm up"));
      codes.add(command(folder, environment, options, "upgrade", "head"));
      for (int i = 0; i < CHECKS; i++) {
        // Each reads the entities through Hibernate, as after an entity edit: the work to warm most.
        TemporaryFolders.deleteQuietly(folder.resolve("cache").resolve("entities"));
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
      TemporaryFolders.deleteQuietly(folder);
    }
    return codes;
  }

  /** The two entities' sources compiled into {@code classes}, against the JPA annotations the tool runs with. */
  private static void compileEntities(Path folder) throws IOException {
    Path sources = Files.createDirectories(folder.resolve("src/warmup"));
    Files.writeString(sources.resolve("Owner.java"), OWNER);
    Files.writeString(sources.resolve("Item.java"), ITEM);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String annotations;
    try {
      annotations = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    int compiled = javac.run(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), "-proc:none",
        "-cp", annotations, "-d", folder.resolve("classes").toString(), sources.resolve("Owner.java").toString(),
        sources.resolve("Item.java").toString());
    if (compiled != 0) {
      throw new IOException("the warm-up's entities did not compile");
    }
  }

  private static int command(Path folder, Map<String, String> environment, List<String> options, String... command) {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of(command));
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
    return AutogenerateCli.run(folder, environment, nowhere, nowhere, args.toArray(String[]::new));
  }
}
