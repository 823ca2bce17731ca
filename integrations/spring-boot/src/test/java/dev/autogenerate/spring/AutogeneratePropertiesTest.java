package dev.autogenerate.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The starter's keys bind as the README says. */
class AutogeneratePropertiesTest {

  private static AutogenerateProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("autogenerate",
        AutogenerateProperties.class);
  }

  /** As the command line's lock.timeout: a bare 30 was 30 milliseconds, and an instance gave up at once. */
  @Test
  void aLockTimeoutWithoutAUnitIsSeconds() {
    assertEquals(Duration.ofSeconds(30), bind(Map.of("autogenerate.lock-timeout", "30")).lockTimeout());
    assertEquals(Duration.ofMillis(500), bind(Map.of("autogenerate.lock-timeout", "500ms")).lockTimeout());
    assertEquals(Duration.ofMinutes(10), bind(Map.of()).lockTimeout());
  }

  /** A negative one gave up at once, "after -5 s": refused where the property binds, naming it. */
  @Test
  void aNegativeLockTimeoutIsRefused() {
    Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> bind(Map.of("autogenerate.lock-timeout", "-5s")));
    String messages = "";
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      messages += cause.getMessage() + "\n";
    }
    org.junit.jupiter.api.Assertions.assertTrue(messages.contains("autogenerate.lock-timeout cannot be negative"),
        messages);
  }

  /** Spelt as the command line's transaction.mode values. */
  @Test
  void theTransactionModeIsPerRevisionUnlessSingle() {
    assertEquals(AutogenerateProperties.TransactionMode.PER_REVISION, bind(Map.of()).transactionMode());
    assertEquals(AutogenerateProperties.TransactionMode.SINGLE,
        bind(Map.of("autogenerate.transaction-mode", "single")).transactionMode());
    assertEquals(AutogenerateProperties.TransactionMode.PER_REVISION,
        bind(Map.of("autogenerate.transaction-mode", "per-revision")).transactionMode());
  }
}
