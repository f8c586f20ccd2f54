package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.testkit.Sandbox;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

/** A sandbox for a test class and context runners over the starter's auto-configurations. */
final class StarterTestSupport {
  /** The Oomnitza role the sandbox gives synced people. */
  static final int ROLE = 25;

  static final AutoConfigurations BREXSYNC = AutoConfigurations.of(
      BrexsyncMetricsAutoConfiguration.class,
      BrexsyncAutoConfiguration.class,
      BrexsyncClusterAutoConfiguration.class,
      BrexsyncSyncAutoConfiguration.class,
      BrexsyncClusterSchedulerAutoConfiguration.class,
      BrexsyncSchedulerAutoConfiguration.class,
      BrexsyncHealthAutoConfiguration.class);

  private StarterTestSupport() {}

  /**
   * A runner with brexsync's auto-configurations and no operating-system environment, so a
   * BREX_API_TOKEN of the machine running the tests never leaks in: variables are given as
   * properties, which the starter reads the same way.
   */
  static ApplicationContextRunner bare() {
    return new ApplicationContextRunner()
        .withInitializer(ctx -> ctx.getEnvironment().getPropertySources()
            .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
        .withConfiguration(BREXSYNC);
  }

  /** {@link #bare()} pointed at {@code sandbox}, state in memory, the standard mapping with its role. */
  static ApplicationContextRunner sandbox(Sandbox sandbox) {
    return bare().withPropertyValues(
        "brexsync.brex.base-url=" + sandbox.brexUri(),
        "brexsync.brex.token=" + sandbox.brexToken(),
        "brexsync.oomnitza.base-url=" + sandbox.oomnitzaUri(),
        "brexsync.oomnitza.token=" + sandbox.oomnitzaToken(),
        "brexsync.state.type=memory",
        "brexsync.integration.role-id=" + ROLE);
  }
}
