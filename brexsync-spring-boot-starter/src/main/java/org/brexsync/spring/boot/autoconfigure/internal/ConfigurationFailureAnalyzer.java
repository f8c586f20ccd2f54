package org.brexsync.spring.boot.autoconfigure.internal;

import org.brexsync.spring.boot.autoconfigure.BrexsyncConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link BrexsyncConfigurationException} anywhere in a startup failure into Spring Boot's
 * "APPLICATION FAILED TO START" report: what is wrong, and the action. Not API.
 */
public final class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BrexsyncConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BrexsyncConfigurationException cause) {
    return new FailureAnalysis("brexsync: " + cause.getMessage(), cause.action(), cause);
  }
}
