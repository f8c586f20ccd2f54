package org.brexsync.spring.boot.autoconfigure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.spring.boot.autoconfigure.BrexsyncConfigurationException;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Says once, when every bean is created, what brexsync configured (INFO) or what it did not and why
 * (WARN): a starter on the classpath that silently does nothing is a trap. Never a token. Not API.
 */
public final class StartupLog implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.spring.boot");

  private final ConfigurableListableBeanFactory beans;
  private final Environment environment;

  /** A log line for this context. */
  public StartupLog(ConfigurableListableBeanFactory beans, Environment environment) {
    this.beans = beans;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String line = describe();
    if (line.startsWith("brexsync is not configured")) {
      LOG.warn(line);
    } else {
      LOG.info(line);
    }
  }

  /** The line. */
  public String describe() {
    BrexsyncProperties p = Binder.get(environment).bind(BrexsyncProperties.PREFIX, Bindable.of(BrexsyncProperties.class))
        .orElseGet(BrexsyncProperties::new);
    Optional<BrexClient> brex = unique(BrexClient.class);
    Optional<OomnitzaClient> oomnitza = unique(OomnitzaClient.class);
    List<String> why = new ArrayList<>();
    Optional<String> brexWhy = Optional.empty();
    Optional<String> oomnitzaWhy = Optional.empty();
    try {
      Optional<Integration> doc = Integrations.document(p);
      brexWhy = Endpoints.brex(p, environment, doc).missingToken();
      oomnitzaWhy = Endpoints.oomnitza(p, environment, doc).missingToken();
    } catch (BrexsyncConfigurationException e) {
      why.add(e.getMessage());
    }
    if (brex.isEmpty() && oomnitza.isEmpty()) {
      brexWhy.ifPresent(why::add);
      oomnitzaWhy.ifPresent(why::add);
      return "brexsync is not configured: " + String.join("; ", why) + ". No Brex or Oomnitza client, SyncEngine or"
          + " scheduler was created (brexsync.enabled=false turns the starter off and this warning with it).";
    }
    StringBuilder b = new StringBuilder("brexsync: ");
    b.append("Brex ").append(brex.map(c -> Endpoints.shown(c.baseUri()))
        .orElse("not configured" + brexWhy.map(w -> " (" + w + ")").orElse("")));
    b.append("; Oomnitza ").append(oomnitza.map(c -> Endpoints.shown(c.baseUri()))
        .orElse("not configured" + oomnitzaWhy.map(w -> " (" + w + ")").orElse("")));
    Optional<SyncEngine> engine = unique(SyncEngine.class);
    if (engine.isPresent()) {
      Integration in = engine.get().integration();
      b.append("; integration '").append(in.name()).append("'").append(engine.get().isDryRun() ? " (dry runs)" : "");
      Optional<SyncScheduler> scheduler = unique(SyncScheduler.class);
      b.append(scheduler.map(s -> "; scheduled " + s.schedule().every().map(d -> "every " + d)
          .orElseGet(() -> "daily at " + s.schedule().dailyAt().map(Object::toString).orElse("?") + " " + s.schedule().zone()))
          .orElse("; not scheduled in this process"));
    } else {
      b.append("; no SyncEngine").append(brex.isEmpty() || oomnitza.isEmpty() ? " (it needs both clients)" : "");
    }
    return b.toString();
  }

  private <T> Optional<T> unique(Class<T> type) {
    ObjectProvider<T> p = beans.getBeanProvider(type);
    return Optional.ofNullable(p.getIfUnique());
  }
}
