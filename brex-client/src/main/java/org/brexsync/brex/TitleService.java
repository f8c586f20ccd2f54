package org.brexsync.brex;

import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Title;

/** Brex titles ({@code /v2/titles}). Obtain from {@link BrexClient#titles()}. */
public interface TitleService {
  /** Lists titles lazily across pages, optionally filtered by name. */
  PagedIterable<Title> list(ListReferenceDataRequest request);

  /** Lists every entry lazily. */
  default PagedIterable<Title> list() {
    return list(ListReferenceDataRequest.all());
  }

  /** Gets one by id. */
  Title get(String id);

  /** Creates one ({@code POST /v2/titles}). */
  default Title create(CreateTitleRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates one with per-call options. */
  Title create(CreateTitleRequest request, RequestOptions options);
}
