package dev.autogenerate.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed migration or a drift found at start-up into Spring Boot's "description, action" report. */
final class AutogenerateFailureAnalyzer extends AbstractFailureAnalyzer<AutogenerateStartupException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AutogenerateStartupException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
