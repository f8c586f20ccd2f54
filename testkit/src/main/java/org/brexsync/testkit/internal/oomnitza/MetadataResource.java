package org.brexsync.testkit.internal.oomnitza;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The simulated Oomnitza's metadata: the users data model ({@code GET /api/v3/users/meta}, custom
 * fields included) and the connector's mappings ({@code GET /api/v2/mappings}, its auth probe).
 */
final class MetadataResource {
  private final UserStore store;

  MetadataResource(UserStore store) {
    this.store = store;
  }

  void register(Router r) {
    r.add("GET", "/api/v2/mappings", req -> SimResponse.ok(Json.object()));
    r.add("GET", "/api/v3/users/meta", req -> SimResponse.ok(usersMeta()));
  }

  /**
   * The users data model in the REST v3 description's "Metadata fields" shape: an object keyed by
   * External ID; {@code internal_id} holds the Field ID (the bulk API's key).
   */
  private ObjectNode usersMeta() {
    ObjectNode out = Json.object();
    for (OomnitzaFields.Field f : store.fields.all()) {
      ObjectNode m = out.putObject(f.externalId);
      m.put("internal_id", f.fieldId);
      m.put("uid", f.slot + 1);
      m.put("label", f.externalId);
      m.put("belongs_to", "users");
      m.put("data_type", f.type.name().toLowerCase(Locale.ROOT));
      m.put("editable", f.readOnly ? "0" : "1");
      m.put("unique", f.unique ? "1" : "0");
      m.put("dropdown_help_text_enabled", "0");
    }
    return out;
  }
}
