package org.brexsync.brex;

import java.util.Optional;
import org.brexsync.brex.model.LegalEntity;

/** Legal entities ({@code /v2/legal_entities}). Obtain from {@link BrexClient#legalEntities()}. */
public interface LegalEntityService {
  /** Lists legal entities lazily across pages. */
  default PagedIterable<LegalEntity> list() {
    return list(Optional.empty());
  }

  /** Lists legal entities with a page size (1..1000). */
  PagedIterable<LegalEntity> list(Optional<Integer> pageSize);

  /** Gets one by id. */
  LegalEntity get(String id);
}
