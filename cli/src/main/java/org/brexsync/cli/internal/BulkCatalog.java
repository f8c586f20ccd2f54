package org.brexsync.cli.internal;

import org.brexsync.connector.Integration;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.connector.oomnitza.BulkFieldCatalog;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.OomnitzaClient;

/**
 * The field catalog of a BULK sync ({@link BulkFieldCatalog}: standard ids, the tenant's served data
 * model, the document's {@code fieldIds}), checked to know every field the run writes before
 * anything is sent.
 */
final class BulkCatalog {
  private BulkCatalog() {}

  static FieldCatalog resolve(CliContext ctx, OomnitzaClient oomnitza, Integration integration) {
    BulkFieldCatalog resolved = BulkFieldCatalog.resolve(oomnitza, integration);
    if (!resolved.servedByOomnitza()) {
      ctx.notice("Oomnitza does not serve its users data model at " + oomnitza.conventions().usersMetaPath()
          + "; the BULK sink uses the standard Field IDs and the integration's \"fieldIds\".");
    }
    if (!resolved.unknownFields().isEmpty()) {
      throw new ConfigurationException("the BULK sink needs the Oomnitza Field ID of " + String.join(", ", resolved.unknownFields())
          + ", and neither Oomnitza's data model nor the integration names it. Add it to the integration document, e.g. "
          + "\"fieldIds\": {\"" + resolved.unknownFields().get(0) + "\": \"<the Field ID shown in Oomnitza's Customization / Data model>\"}"
          + ", or use \"sink\": \"REST\".");
    }
    return resolved.catalog();
  }
}
