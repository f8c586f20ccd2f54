package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.brex.BrexClient;
import org.brexsync.connector.ConnectorException;
import org.brexsync.connector.Integration;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.spring.boot.autoconfigure.internal.Integrations;
import org.brexsync.spring.boot.autoconfigure.internal.Listeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SyncEngine} over both clients, when both exist (auto-configured or the application's):
 * its {@link Integration} (from {@code brexsync.integration-document} or {@code
 * brexsync.integration.*}), its {@link SyncStateStore} ({@code brexsync.state.*}) and a {@link
 * SyncRunTracker}. Every {@link SyncListener} bean is told about every run (metrics, the tracker,
 * the application's own). Each bean backs off when the application defines one of its type.
 *
 * <p>With connector-jdbc and a {@code DataSource}, {@link BrexsyncClusterAutoConfiguration} (ordered
 * before this one) contributes the PostgreSQL {@code SyncStateStore}, and the file or memory store
 * below backs off.
 */
@AutoConfiguration(after = BrexsyncAutoConfiguration.class)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "sync.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({BrexClient.class, OomnitzaClient.class})
public class BrexsyncSyncAutoConfiguration {
  /**
   * The integration the engine runs.
   *
   * @param properties the {@code brexsync.*} properties
   * @return the integration
   */
  @Bean
  @ConditionalOnMissingBean
  public Integration brexsyncIntegration(BrexsyncProperties properties) {
    return Integrations.resolve(properties);
  }

  /**
   * Where each record's last written fingerprint is kept.
   *
   * @param properties the {@code brexsync.*} properties
   * @return the file or memory store
   */
  @Bean
  @ConditionalOnMissingBean
  public SyncStateStore brexsyncStateStore(BrexsyncProperties properties) {
    return switch (properties.getState().getType()) {
      case MEMORY -> InMemorySyncStateStore.create();
      case FILE -> FileSyncStateStore.at(properties.getState().getDirectory());
    };
  }

  /** {@return the runs the health indicator reports} */
  @Bean
  @ConditionalOnMissingBean
  public SyncRunTracker brexsyncRunTracker() {
    return new SyncRunTracker();
  }

  /**
   * The engine, told about runs by every {@link SyncListener} bean.
   *
   * @param integration the integration to run
   * @param brex the Brex client
   * @param oomnitza the Oomnitza client
   * @param stateStore where each record's last written fingerprint is kept
   * @param listeners the {@code SyncListener} beans, told about every run
   * @param properties the {@code brexsync.*} properties
   * @return the engine
   */
  @Bean
  @ConditionalOnMissingBean
  public SyncEngine brexsyncSyncEngine(Integration integration, BrexClient brex, OomnitzaClient oomnitza,
      SyncStateStore stateStore, ObjectProvider<SyncListener> listeners, BrexsyncProperties properties) {
    try {
      return SyncEngine.builder()
          .integration(integration)
          .brexClient(brex)
          .oomnitzaClient(oomnitza)
          .stateStore(stateStore)
          .listener(Listeners.sync(listeners.orderedStream().toList()))
          .dryRun(properties.getSync().isDryRun())
          .build();
    } catch (ConnectorException e) {
      throw new BrexsyncConfigurationException("The SyncEngine of integration '" + integration.name()
          + "' cannot be built: " + e.getMessage(),
          "Fix the integration, or set brexsync.sync.enabled=false to configure only the clients.", e);
    }
  }
}
