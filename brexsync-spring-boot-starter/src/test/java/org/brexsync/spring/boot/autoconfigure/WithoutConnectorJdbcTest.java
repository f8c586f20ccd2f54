package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * connector-jdbc is an optional dependency: an application without it, but with a {@code DataSource},
 * starts with the in-process scheduler. Unlike a {@code FilteredClassLoader} (which hides classes from
 * the conditions only), the starter runs here in a class loader that cannot load connector-jdbc at
 * all, so a connector-jdbc type in a signature Spring reflects on fails the start.
 */
class WithoutConnectorJdbcTest {

  @Test
  void theStarterStartsWithADataSourceAndWithoutConnectorJdbcOnTheClassPath() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.contains("connector-jdbc")) {
        urls.add(url(entry));
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("org.brexsync.jdbc.ClusterScheduler", false, loader))
          .as("the loader of this test has no connector-jdbc").isInstanceOf(ClassNotFoundException.class);
      Class<?> app = Class.forName(App.class.getName(), true, loader);
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader); // as an application's: Spring loads through it
      String outcome;
      try {
        outcome = (String) app.getMethod("run").invoke(null);
      } finally {
        thread.setContextClassLoader(previous);
      }
      assertThat(outcome).isEqualTo("started: SyncScheduler, BrexsyncHealthIndicator UP, no clustered beans");
    }
  }

  private static URL url(String entry) {
    try {
      return new File(entry).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }

  /** Runs in the loader without connector-jdbc: the starter with a DataSource of the application's. */
  public static final class App {
    private App() {}

    /**
     * The starter's context on a sandbox.
     *
     * @return what started, or why it failed
     */
    public static String run() {
      AtomicReference<String> outcome = new AtomicReference<>();
      try (Sandbox box = Sandbox.start(5)) {
        StarterTestSupport.sandbox(box)
            .withBean(DataSource.class, App::untouchable)
            .withPropertyValues("brexsync.health.check-reachability=false")
            .run(ctx -> {
              if (ctx.getStartupFailure() != null) {
                outcome.set("failed: " + ctx.getStartupFailure());
                return;
              }
              boolean clustered = ctx.containsBean("brexsyncDatabase") || ctx.containsBean("brexsyncClusterScheduler")
                  || ctx.containsBean("brexsyncRunHistory");
              outcome.set("started: " + ctx.getBeansOfType(SyncScheduler.class).values().iterator().next()
                  .getClass().getSimpleName() + ", BrexsyncHealthIndicator "
                  + ctx.getBean(BrexsyncHealthIndicator.class).health().getStatus()
                  + (clustered ? ", clustered beans" : ", no clustered beans"));
            });
      }
      return outcome.get();
    }

    /** A DataSource that fails when used: the starter must leave it alone. */
    static DataSource untouchable() {
      return (DataSource) Proxy.newProxyInstance(App.class.getClassLoader(), new Class<?>[] {DataSource.class},
          (proxy, method, args) -> switch (method.getName()) {
            case "toString" -> "test DataSource";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }
}
