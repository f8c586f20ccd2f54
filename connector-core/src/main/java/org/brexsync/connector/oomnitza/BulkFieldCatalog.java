package org.brexsync.connector.oomnitza;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brexsync.connector.Integration;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaNotFoundException;

/**
 * The field catalog of a BULK sync: Oomnitza's bulk API keys records by Field ID, which differs per
 * tenant for custom fields such as {@code brex_user_id}. Built from the standard ids, then the
 * tenant's served data model ({@code users().fieldCatalog()}, when the tenant serves it), then the
 * integration's {@link Integration#fieldIds()}; each later source wins.
 */
public final class BulkFieldCatalog {
  private final FieldCatalog catalog;
  private final boolean served;
  private final List<String> unknown;

  private BulkFieldCatalog(FieldCatalog catalog, boolean served, List<String> unknown) {
    this.catalog = catalog;
    this.served = served;
    this.unknown = List.copyOf(unknown);
  }

  /**
   * Resolves the catalog of an integration: one call to Oomnitza's users data model.
   *
   * @param client the Oomnitza client
   * @param integration the integration
   * @return the bulk field catalog
   * @throws org.brexsync.oomnitza.OomnitzaException when reading the data model fails other than
   *     with 404 (a tenant that does not serve it)
   */
  public static BulkFieldCatalog resolve(OomnitzaClient client, Integration integration) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(integration, "integration");
    FieldCatalog.Builder b = FieldCatalog.standardUsers().toBuilder();
    boolean served = true;
    try {
      client.users().fieldCatalog().entries().forEach(b::put);
    } catch (OomnitzaNotFoundException e) {
      served = false;
    }
    integration.fieldIds().forEach((external, field) -> b.put(ExternalId.of(external), FieldId.of(field)));
    FieldCatalog catalog = b.build();
    List<String> unknown = new ArrayList<>();
    for (String f : integration.writtenFields()) {
      try {
        if (catalog.fieldId(ExternalId.of(f)).isEmpty()) {
          unknown.add(f);
        }
      } catch (IllegalArgumentException e) {
        unknown.add(f);
      }
    }
    return new BulkFieldCatalog(catalog, served, unknown);
  }

  /** {@return the catalog} */
  public FieldCatalog catalog() {
    return catalog;
  }

  /**
   * {@return whether Oomnitza served its users data model (false: standard ids and the integration's only)}
   */
  public boolean servedByOomnitza() {
    return served;
  }

  /** {@return fields the integration writes that still have no Field ID (a BULK run cannot send them)} */
  public List<String> unknownFields() {
    return unknown;
  }
}
