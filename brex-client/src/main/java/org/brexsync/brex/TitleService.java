package org.brexsync.brex;

import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Title;

/** Brex titles ({@code /v2/titles}). Obtain from {@link BrexClient#titles()}. */
public interface TitleService {
  /**
   * Lists titles lazily across pages, optionally filtered by name.
   *
   * @param request the request
   * @return the titles, fetched a page at a time as they are iterated
   */
  default PagedIterable<Title> list(ListReferenceDataRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /**
   * Lists with per-call options (timeout, headers), applied to every page.
   *
   * @param request the request
   * @param options options of this call only
   * @return the titles, fetched a page at a time as they are iterated
   */
  PagedIterable<Title> list(ListReferenceDataRequest request, RequestOptions options);

  /**
   * Lists every entry lazily.
   *
   * @return the titles, fetched a page at a time as they are iterated
   */
  default PagedIterable<Title> list() {
    return list(ListReferenceDataRequest.all());
  }

  /**
   * {@return one by id}
   *
   * @param id the title id
   */
  default Title get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return one by id with per-call options}
   *
   * @param id the title id
   * @param options options of this call only
   */
  Title get(String id, RequestOptions options);

  /**
   * Creates one ({@code POST /v2/titles}).
   *
   * @param request the request
   * @return the created title as Brex returns it
   */
  default Title create(CreateTitleRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /**
   * Creates one with per-call options.
   *
   * @param request the request
   * @param options options of this call only
   * @return the created title as Brex returns it
   */
  Title create(CreateTitleRequest request, RequestOptions options);
}
