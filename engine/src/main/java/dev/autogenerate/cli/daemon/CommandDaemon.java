package dev.autogenerate.cli.daemon;

import dev.autogenerate.cli.AutogenerateCli;
import dev.autogenerate.runtime.CodeFingerprint;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JVM kept between commands ({@code AUTOGENERATE_DAEMON=on}), as Gradle's and mvnd's: the
 * launcher sends it a command line and it runs it as {@link AutogenerateCli#main} would, in the
 * launcher's working folder, with its environment, writing to its output; picocli, Hibernate and
 * the comparison are loaded and compiled already. A cold JVM spends about 250 ms before a
 * command's work begins and Hibernate's boot as much again; here a check at 10 tables takes
 * 10-55 ms.
 *
 * <p>One command at a time: a launcher that finds it busy runs its command in a JVM of its own.
 * A command whose launcher goes (Ctrl-C, a kill) ends the daemon, as the signal would have ended
 * that command's own JVM: connections close, and each database rolls back what was under way.
 * Nothing else is kept between commands but what the JVM itself keeps (loaded classes, compiled
 * code) and the tool's caches, which key every entry by what it was made from. The daemon exits
 * after {@code idle} minutes without a command, when its entry file no longer names it (a newer
 * daemon for the same key), when its jar is rebuilt (the launcher's key changes with it, and a
 * class loaded from the rewritten jar could fail), or when the memory it still holds after a
 * collection passes half of its heap's maximum; {@code autogenerate daemon stop} ends it too.
 *
 * <p>Started by the launcher, with the entry file's path and the idle minutes; it warms up
 * ({@link DaemonWarmUp}) before it writes its entry, listens on the loopback only, and answers only
 * a client that sends the entry's token ({@link DaemonEntry}).
 */
public final class CommandDaemon {

  /** The third argument that leaves the warm-up out (the tests of the daemon's own life). */
  static final String NO_WARM_UP = "--no-warm-up";

  /** How long a client has to send its token and its command line. */
  private static final int HANDSHAKE_MILLIS = 10_000;
  /** How often the daemon looks at its idleness, its entry and its memory. */
  private static final Duration TICK = Duration.ofSeconds(2);
  /** The longest command line a client may send, in bytes. */
  private static final int MAX_REQUEST = 1 << 20;

  /** How the JVM decodes the arguments of its command line, from the locale (part of the daemon's key). */
  private static final Charset ARGUMENTS = charset("sun.jnu.encoding");
  /** How a JVM started by the launcher would encode its output. */
  private static final Charset OUTPUT = charset("stdout.encoding", "native.encoding");

  private final Path entryFile;
  private final Duration idle;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger commands = new AtomicInteger();
  /** The build of this daemon's code, as it started: a rebuilt jar is another daemon's. */
  private final String code = CodeFingerprint.of(List.of(CommandDaemon.class));
  private final PrintStream ownOut = System.out;
  private final PrintStream ownErr = System.err;
  private volatile long lastCommandEnded = System.nanoTime();
  private volatile boolean collectedSinceLastCommand = true;
  private DaemonEntry entry;

  private CommandDaemon(Path entryFile, Duration idle) {
    this.entryFile = entryFile;
    this.idle = idle;
  }

  public static void main(String[] args) throws IOException {
    boolean warmUp = args.length == 2;
    if (args.length != 2 && !(args.length == 3 && args[2].equals(NO_WARM_UP))) {
      System.err.println("usage: CommandDaemon ENTRY_FILE IDLE_MINUTES [" + NO_WARM_UP + "] (started by the autogenerate"
          + " launcher)");
      System.exit(AutogenerateCli.ERROR);
    }
    AutogenerateCli.prepareProcess();
    new CommandDaemon(Path.of(args[0]), idle(args[1])).serve(warmUp);
  }

  /** Whole minutes, as the launcher gives them, or an ISO-8601 duration ({@code PT3S}: the tests). */
  static Duration idle(String given) {
    return given.startsWith("PT") ? Duration.parse(given) : Duration.ofMinutes(Math.max(1, Long.parseLong(given)));
  }

  private void serve(boolean warmUp) throws IOException {
    if (warmUp) {
      long started = System.nanoTime();
      List<Integer> codes = DaemonWarmUp.run();
      ownOut.println(Instant.now() + " warmed up in " + (System.nanoTime() - started) / 1_000_000 + " ms (exit codes "
          + codes + ")");
    }
    // IPv4's loopback, where the launcher connects (/dev/tcp/127.0.0.1), even in a JVM told to
    // prefer IPv6, whose loopback address would be ::1.
    try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      entry = DaemonEntry.forThisProcess(server.getLocalPort());
      // Idle from now: the warm-up was no command.
      lastCommandEnded = System.nanoTime();
      entry.write(entryFile);
      // The launchers that found it starting (its marker) and ran their commands cold are done.
      Files.deleteIfExists(Path.of(entryFile + ".starting"));
      ownOut.println(Instant.now() + " listening on port " + entry.port() + ", pid " + entry.pid());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> entry.removeIfCurrent(entryFile), "autogenerate-daemon-exit"));
      startWatch();
      while (true) {
        Socket client = server.accept();
        // Each connection on a thread of its own: one that sends nothing (another user may
        // connect to a loopback port) holds up no launcher.
        new Thread(() -> connection(client), "autogenerate-daemon-connection").start();
      }
    }
  }

  /** Checks the client's token, then runs its command, or says busy when one runs already. */
  private void connection(Socket client) {
    try {
      client.setSoTimeout(HANDSHAKE_MILLIS);
      client.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(client.getInputStream());
      Optional<String> token = field(in, '\n', 128);
      if (token.isEmpty() || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.US_ASCII),
          entry.clientToken().getBytes(StandardCharsets.US_ASCII))) {
        return;
      }
      if (!running.compareAndSet(false, true)) {
        reply(client, "busy");
        return;
      }
      try {
        reply(client, entry.daemonToken());
        run(client, in);
      } finally {
        commandEnded();
      }
    } catch (IOException | RuntimeException e) {
      // The launcher finds the connection closed and runs its command in a JVM of its own.
    } finally {
      close(client);
    }
  }

  /** The daemon is free for the next command (called once its output is back to its own). */
  private void commandEnded() {
    lastCommandEnded = System.nanoTime();
    collectedSinceLastCommand = false;
    running.set(false);
  }

  /**
   * Reads the command line (the launcher's process id, the descriptor of its socket, those of
   * copies of its standard output and error, the number of arguments, the arguments, each ended by
   * a NUL), runs it, and answers {@code exit CODE}. Copies, not 1 and 2: bash writes to the socket
   * by moving it onto descriptor 1 while it writes, and the daemon, reading the last argument, could
   * open descriptor 1 before bash put it back (it did, 2 commands in 80 on a loaded machine).
   */
  private void run(Socket client, InputStream in) {
    AtomicBoolean ended = new AtomicBoolean();
    try {
      long pid = Long.parseLong(field(in, '\0', 32).orElseThrow());
      int fd = Integer.parseInt(field(in, '\0', 16).orElseThrow());
      int outFd = Integer.parseInt(field(in, '\0', 16).orElseThrow());
      int errFd = Integer.parseInt(field(in, '\0', 16).orElseThrow());
      int count = Integer.parseInt(field(in, '\0', 16).orElseThrow());
      List<String> args = new ArrayList<>();
      int size = 0;
      for (int i = 0; i < count; i++) {
        String arg = field(in, '\0', MAX_REQUEST - size).orElseThrow();
        size += arg.length() + 1;
        args.add(arg);
      }
      Optional<ClientProcess> launcher = ClientProcess.connectedThrough(pid, fd, client.getPort(), client.getLocalPort());
      if (launcher.isEmpty()) {
        reply(client, "refused");
        return;
      }
      client.setSoTimeout(0);
      watchForHangUp(client, in, ended);
      long started = System.nanoTime();
      int code = runCommand(launcher.get(), outFd, errFd, args.toArray(String[]::new));
      ended.set(true);
      // Free before the launcher hears of it: the next command, sent at once, is not told busy.
      commandEnded();
      reply(client, "exit " + code);
      // Its log tells what it ran, not with what (an argument may be a password).
      ownOut.println(Instant.now() + " command " + commands.incrementAndGet() + " of pid " + pid + ": exit " + code
          + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException | Error e) {
      ended.set(true);
      // The launcher says the daemon failed it and points at this log.
      ownErr.println(Instant.now() + " a command failed in the daemon: " + e);
      e.printStackTrace(ownErr);
    } finally {
      close(client);
    }
  }

  /**
   * Runs the command line as {@link AutogenerateCli#main} does, with the launcher's standard
   * output and error as the process's own meanwhile (a library printing there writes where the
   * command's output goes).
   */
  private int runCommand(ClientProcess launcher, int outFd, int errFd, String[] args) throws IOException {
    try (OutputStream stdout = launcher.open(outFd); OutputStream stderr = launcher.open(errFd)) {
      PrintStream out = new PrintStream(stdout, true, OUTPUT);
      PrintStream err = new PrintStream(stderr, true, OUTPUT);
      System.setOut(out);
      System.setErr(err);
      try {
        return AutogenerateCli.run(launcher.workingDirectory(), launcher.environment(),
            new PrintWriter(new OutputStreamWriter(out, OUTPUT), true),
            new PrintWriter(new OutputStreamWriter(err, OUTPUT), true), args);
      } finally {
        out.flush();
        err.flush();
        System.setOut(ownOut);
        System.setErr(ownErr);
      }
    }
  }

  /**
   * The charset named by the first of these properties the JVM set: the locale decides them, and
   * the locale's variables are part of the daemon's key, so they are the launcher's.
   */
  private static Charset charset(String... properties) {
    for (String property : properties) {
      String name = System.getProperty(property);
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
    }
    return Charset.defaultCharset();
  }

  /**
   * A launcher that goes before its command ended was stopped (Ctrl-C, a kill): the command is
   * stopped as that signal stops a JVM of its own, by ending this one, shutdown hooks run.
   */
  private static void watchForHangUp(Socket client, InputStream in, AtomicBoolean ended) {
    Thread watch = new Thread(() -> {
      try {
        while (in.read() >= 0) {
          // A launcher sends nothing after its command line.
        }
      } catch (IOException e) {
        // Closed: by the launcher going, or by the reply's close.
      }
      if (!ended.get()) {
        System.exit(130);
      }
    }, "autogenerate-daemon-hang-up");
    watch.setDaemon(true);
    watch.start();
  }

  /**
   * Every {@link #TICK}: exits when idle too long or no longer named by the entry file; once
   * after each command, collects and exits when what is still held passes half the heap.
   */
  private void startWatch() {
    Thread watch = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(TICK.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        if (running.get()) {
          continue;
        }
        boolean exit = System.nanoTime() - lastCommandEnded > idle.toNanos()
            || DaemonEntry.read(entryFile).filter(entry::equals).isEmpty()
            || !code.equals(CodeFingerprint.of(List.of(CommandDaemon.class)));
        if (!collectedSinceLastCommand) {
          collectedSinceLastCommand = true;
          System.gc();
          Runtime runtime = Runtime.getRuntime();
          if (runtime.totalMemory() - runtime.freeMemory() > runtime.maxMemory() / 2) {
            ownErr.println("autogenerate daemon: exiting, " + (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20)
                + " MiB held after a collection");
            exit = true;
          }
        }
        if (exit && running.compareAndSet(false, true)) {
          System.exit(0);
        }
      }
    }, "autogenerate-daemon-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /**
   * Bytes up to {@code end} (not included), decoded as the JVM decodes its own arguments; empty
   * when the stream ends or the field is too long.
   */
  private static Optional<String> field(InputStream in, char end, int limit) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == end) {
          return Optional.of(bytes.toString(ARGUMENTS));
        }
        if (bytes.size() >= limit) {
          return Optional.empty();
        }
        bytes.write(b);
      }
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static void reply(Socket client, String line) throws IOException {
    client.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    client.getOutputStream().flush();
  }

  private static void close(Socket client) {
    try {
      client.close();
    } catch (IOException e) {
      // Gone already.
    }
  }
}
