package dev.autogenerate.maven;

import java.io.Writer;
import java.util.function.Consumer;

/**
 * A writer that hands each complete line to Maven's log as it is written, so that a long
 * {@code upgrade} shows each revision as it commits, and keeps all of it for an exception's message.
 */
final class LogWriter extends Writer {

  private final Consumer<String> log;
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder all = new StringBuilder();

  LogWriter(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      all.append(c);
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      emit();
    }
  }

  synchronized String text() {
    return all.toString();
  }

  private void emit() {
    log.accept(line.toString());
    line.setLength(0);
  }
}
