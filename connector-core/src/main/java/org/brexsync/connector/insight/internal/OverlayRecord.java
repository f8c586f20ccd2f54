package org.brexsync.connector.insight.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/** A record with extra top-level fields laid over a base view (the overlay wins). Not API. */
final class OverlayRecord implements RecordView {
  private final RecordView base;
  private final ObjectNode overlay;

  OverlayRecord(RecordView base, ObjectNode overlay) {
    this.base = base;
    this.overlay = overlay;
  }

  @Override
  public Optional<JsonNode> get(FieldPath path) {
    if (overlay.has(path.head())) {
      return path.resolve(overlay);
    }
    return base.get(path);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode o = base.toJson();
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      o.set(e.getKey(), e.getValue().deepCopy());
    }
    return o;
  }
}
