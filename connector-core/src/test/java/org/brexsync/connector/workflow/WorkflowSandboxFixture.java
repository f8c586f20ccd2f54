package org.brexsync.connector.workflow;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle the workflow tests share: one {@link WorkflowSandbox} per test class (started before
 * its first test, closed after its last), reset before each test. Test classes run one at a time,
 * so the one static field serves each class in turn.
 */
abstract class WorkflowSandboxFixture {
  static WorkflowSandbox sb;

  @BeforeAll
  static void startSandbox() {
    sb = new WorkflowSandbox();
  }

  @AfterAll
  static void stopSandbox() {
    sb.close();
  }

  @BeforeEach
  void resetSandbox() {
    sb.reset();
  }
}
