package org.brexsync.connector.sync.internal;

import java.util.function.Function;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Connection;
import org.brexsync.connector.ConnectorException;
import org.brexsync.connector.Integration;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.port.UserSink;
import org.brexsync.oomnitza.OomnitzaClient;

/** Builds clients from an integration's connections and an environment. Not API. */
public final class ClientFactory {
  private ClientFactory() {}

  /** The Brex source of an integration. */
  public static UserSource brexSource(Integration in, Function<String, String> env) {
    Connection c = in.brex().orElseThrow(() -> new ConnectorException("integration '" + in.name() + "' has no \"brex\" connection and no source was given"));
    String token = c.resolveToken(env).orElseThrow(() -> new ConnectorException("environment variable " + c.tokenEnv() + " (Brex token) is not set"));
    BrexClient.Builder b = BrexClient.builder().token(token);
    c.baseUrl().ifPresent(b::baseUri);
    return BrexUserSource.of(b.build());
  }

  /** The Oomnitza sink of an integration (BULK field ids from the tenant and the integration). */
  public static UserSink oomnitzaSink(Integration in, Function<String, String> env) {
    Connection c = in.oomnitza().orElseThrow(() -> new ConnectorException("integration '" + in.name() + "' has no \"oomnitza\" connection and no sink was given"));
    String token = c.resolveToken(env).orElseThrow(() -> new ConnectorException("environment variable " + c.tokenEnv() + " (Oomnitza API token) is not set"));
    OomnitzaClient client =
        OomnitzaClient.builder()
            .baseUri(c.baseUrl().orElseThrow(() -> new ConnectorException("the \"oomnitza\" connection needs a baseUrl")))
            .apiToken(token)
            .build();
    return OomnitzaUserSink.of(client, in);
  }
}
