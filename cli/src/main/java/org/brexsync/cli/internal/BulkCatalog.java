package org.brexsync.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaNotFoundException;

/**
 * The field catalog of a BULK sync: Oomnitza's bulk API keys records by Field ID, which differs per
 * tenant for custom fields such as {@code brex_user_id}. Built from the standard ids, then the tenant's
 * served data model ({@code users().fieldCatalog()}), then the document's {@code fieldIds} (each
 * later source wins); checked to know every field the run writes before anything is sent.
 */
final class BulkCatalog {
  private BulkCatalog() {}

  static FieldCatalog resolve(CliContext ctx, OomnitzaClient oomnitza, Integration integration) {
    FieldCatalog.Builder b = FieldCatalog.standardUsers().toBuilder();
    try {
      oomnitza.users().fieldCatalog().entries().forEach(b::put);
    } catch (OomnitzaNotFoundException e) {
      ctx.notice("Oomnitza does not serve its users data model at " + oomnitza.conventions().usersMetaPath()
          + "; the BULK sink uses the standard Field IDs and the integration's \"fieldIds\".");
    }
    integration.fieldIds().forEach((external, field) -> b.put(ExternalId.of(external), FieldId.of(field)));
    FieldCatalog catalog = b.build();
    List<String> unknown = new ArrayList<>();
    for (String f : integration.writtenFields()) {
      if (fieldId(catalog, f).isEmpty()) {
        unknown.add(f);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigurationException("the BULK sink needs the Oomnitza Field ID of " + String.join(", ", unknown)
          + ", and neither Oomnitza's data model nor the integration names it. Add it to the integration document, e.g. "
          + "\"fieldIds\": {\"" + unknown.get(0) + "\": \"<the Field ID shown in Oomnitza's Customization / Data model>\"}"
          + ", or use \"sink\": \"REST\".");
    }
    return catalog;
  }

  private static Optional<FieldId> fieldId(FieldCatalog catalog, String externalId) {
    try {
      return catalog.fieldId(ExternalId.of(externalId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
