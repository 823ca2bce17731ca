package dev.autogenerate.entities;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Parts of the JDK that Hibernate's boot sets up on its way, started ahead of it on a thread of
 * their own. Its type configuration draws a random UUID, which sets up the JDK's security
 * providers for {@code SecureRandom}, and its descriptors of java.time's types load java.time's
 * formatters: 8-12 ms of a cold JVM, on the path of every read of the entities, while the other
 * core waits. Each is made once per JVM, and is ready, or being made, when the boot gets there.
 */
final class JdkSetUpAhead {

  private static volatile boolean started;

  private JdkSetUpAhead() {}

  /** Starts the set-up once per JVM; returns at once. */
  static void start() {
    if (started) {
      return;
    }
    started = true;
    Thread thread = new Thread(JdkSetUpAhead::setUp, "autogenerate-jdk-set-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void setUp() {
    try {
      UUID.randomUUID();
      DateTimeFormatter.ISO_LOCAL_DATE_TIME.getZone();
    } catch (RuntimeException | Error e) {
      // Only speed is at stake: the boot sets them up itself.
    }
  }
}
