package org.brexsync.brex;

import java.util.Optional;
import org.brexsync.brex.model.LegalEntity;

/** Legal entities ({@code /v2/legal_entities}). Obtain from {@link BrexClient#legalEntities()}. */
public interface LegalEntityService {
  /**
   * Lists legal entities lazily across pages.
   *
   * @return the legal entities, fetched a page at a time as they are iterated
   */
  default PagedIterable<LegalEntity> list() {
    return list(Optional.empty());
  }

  /**
   * Lists legal entities with a page size (1..1000).
   *
   * @param pageSize the page size
   * @return the legal entities, fetched a page at a time as they are iterated
   */
  default PagedIterable<LegalEntity> list(Optional<Integer> pageSize) {
    return list(pageSize, RequestOptions.defaults());
  }

  /**
   * Lists legal entities with a page size and per-call options, applied to every page.
   *
   * @param pageSize the page size
   * @param options options of this call only
   * @return the legal entities, fetched a page at a time as they are iterated
   */
  PagedIterable<LegalEntity> list(Optional<Integer> pageSize, RequestOptions options);

  /**
   * {@return one by id}
   *
   * @param id the legal entity id
   */
  default LegalEntity get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return one by id with per-call options}
   *
   * @param id the legal entity id
   * @param options options of this call only
   */
  LegalEntity get(String id, RequestOptions options);
}
