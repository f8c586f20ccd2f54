package org.brexsync.brex;

import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Title;

/** Brex titles ({@code /v2/titles}). Obtain from {@link BrexClient#titles()}. */
public interface TitleService {
  /** Lists titles lazily across pages, optionally filtered by name. */
  default PagedIterable<Title> list(ListReferenceDataRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /** Lists with per-call options (timeout, headers), applied to every page. */
  PagedIterable<Title> list(ListReferenceDataRequest request, RequestOptions options);

  /** Lists every entry lazily. */
  default PagedIterable<Title> list() {
    return list(ListReferenceDataRequest.all());
  }

  /** Gets one by id. */
  default Title get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /** Gets one by id with per-call options. */
  Title get(String id, RequestOptions options);

  /** Creates one ({@code POST /v2/titles}). */
  default Title create(CreateTitleRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates one with per-call options. */
  Title create(CreateTitleRequest request, RequestOptions options);
}
