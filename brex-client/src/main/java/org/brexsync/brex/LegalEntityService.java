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
  default PagedIterable<LegalEntity> list(Optional<Integer> pageSize) {
    return list(pageSize, RequestOptions.defaults());
  }

  /** Lists legal entities with a page size and per-call options, applied to every page. */
  PagedIterable<LegalEntity> list(Optional<Integer> pageSize, RequestOptions options);

  /** Gets one by id. */
  default LegalEntity get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /** Gets one by id with per-call options. */
  LegalEntity get(String id, RequestOptions options);
}
