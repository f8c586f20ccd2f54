package org.brexsync.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brexsync.testkit.Sandbox;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When neither {@code brexsync.brex.token} nor {@code BREX_API_TOKEN} is set, starts the testkit's
 * sandbox (simulated Brex and Oomnitza on loopback, {@code brexsync.example.sandbox-users} people,
 * default 500) and points the starter's properties at it, with the sync state in memory (the
 * sandbox is new every start). The sandbox stops when the application does.
 */
public final class SandboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  /** The name of the property source and of the {@link Sandbox} bean. */
  public static final String NAME = "brexsyncSandbox";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (env.containsProperty("brexsync.brex.token") || env.containsProperty("BREX_API_TOKEN")) {
      return;
    }
    Sandbox sandbox = Sandbox.start(env.getProperty("brexsync.example.sandbox-users", Integer.class, Sandbox.DEFAULT_USERS));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("brexsync.brex.base-url", sandbox.brexUri().toString());
    p.put("brexsync.brex.token", sandbox.brexToken());
    p.put("brexsync.oomnitza.base-url", sandbox.oomnitzaUri().toString());
    p.put("brexsync.oomnitza.token", sandbox.oomnitzaToken());
    p.put("brexsync.state.type", "memory");
    env.getPropertySources().addFirst(new MapPropertySource(NAME, p));
    context.getBeanFactory().registerSingleton(NAME, sandbox);
    context.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
        sandbox.close();
      }
    });
    System.out.println("SANDBOX: no credentials are set (BREX_API_TOKEN, OOMNITZA_URL, OOMNITZA_API_TOKEN); syncing the"
        + " built-in simulators of Brex (" + sandbox.brexUri() + ") and Oomnitza (" + sandbox.oomnitzaUri() + ").");
  }
}
