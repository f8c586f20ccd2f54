package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one sandbox of 20 users, started before the first and stopped after the last. */
abstract class SandboxTests {
  static Sandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(20);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }
}
