package org.brexsync.connector.oomnitza;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.brexsync.connector.port.PeopleLookup;
import org.brexsync.oomnitza.OomnitzaClient;

/** The {@link PeopleLookup} over oomnitza-client (through {@link OomnitzaUserSink#findUsers}). Thread-safe. */
public final class OomnitzaPeopleLookup implements PeopleLookup {
  private final OomnitzaUserSink sink;

  private OomnitzaPeopleLookup(OomnitzaClient client) {
    this.sink = OomnitzaUserSink.of(Objects.requireNonNull(client, "client"));
  }

  /**
   * {@return the people of an oomnitza-client}
   *
   * @param client the Oomnitza client
   */
  public static OomnitzaPeopleLookup of(OomnitzaClient client) {
    return new OomnitzaPeopleLookup(client);
  }

  @Override
  public List<ObjectNode> find(String field, Collection<String> values) {
    return sink.findUsers(field, values);
  }

  @Override
  public String toString() {
    return "OomnitzaPeopleLookup{" + sink + "}";
  }
}
