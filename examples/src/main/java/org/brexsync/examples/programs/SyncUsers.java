package org.brexsync.examples.programs;

import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.examples.ExampleClients;
import org.brexsync.oomnitza.OomnitzaClient;

/**
 * Syncs Brex users into Oomnitza people with the product page's standard mapping and prints the
 * report. Usage: {@code SyncUsers [ROLE_ID]} (default role 25).
 */
public final class SyncUsers {
  private SyncUsers() {}

  public static void main(String[] args) {
    int roleId = args.length > 0 ? Integer.parseInt(args[0]) : 25;
    try (ExampleClients c = ExampleClients.fromEnvironment()) {
      System.out.println(c.isSandbox() ? "Running in the built-in sandbox." : "Syncing " + c.brex().baseUri());
      System.out.print(sync(c.brex(), c.oomnitza(), roleId).summary());
    }
  }

  /** One sync run from Brex to Oomnitza. */
  public static SyncReport sync(BrexClient brex, OomnitzaClient oomnitza, int roleId) {
    Integration integration = Integration.builder()
        .name("sync-users-example")
        // Brex id -> username and brex_user_id, email (trimmed, lower case), names, the role.
        .mapping(Mapping.standard(roleId))
        .build();
    SyncEngine engine = SyncEngine.builder()
        .integration(integration)
        .source(BrexUserSource.of(brex))
        .sink(OomnitzaUserSink.of(oomnitza))
        .stateStore(InMemorySyncStateStore.create()) // FileSyncStateStore.defaults() in production
        .build();
    return engine.run();
  }
}
