package org.brexsync.brex;

import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Location;

/** Brex locations ({@code /v2/locations}). Obtain from {@link BrexClient#locations()}. */
public interface LocationService {
  /**
   * Lists locations lazily across pages, optionally filtered by name.
   *
   * @param request the request
   * @return the locations, fetched a page at a time as they are iterated
   */
  default PagedIterable<Location> list(ListReferenceDataRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /**
   * Lists with per-call options (timeout, headers), applied to every page.
   *
   * @param request the request
   * @param options options of this call only
   * @return the locations, fetched a page at a time as they are iterated
   */
  PagedIterable<Location> list(ListReferenceDataRequest request, RequestOptions options);

  /**
   * Lists every entry lazily.
   *
   * @return the locations, fetched a page at a time as they are iterated
   */
  default PagedIterable<Location> list() {
    return list(ListReferenceDataRequest.all());
  }

  /**
   * {@return one by id}
   *
   * @param id the location id
   */
  default Location get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return one by id with per-call options}
   *
   * @param id the location id
   * @param options options of this call only
   */
  Location get(String id, RequestOptions options);

  /**
   * Creates one ({@code POST /v2/locations}).
   *
   * @param request the request
   * @return the created location as Brex returns it
   */
  default Location create(CreateLocationRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /**
   * Creates one with per-call options.
   *
   * @param request the request
   * @param options options of this call only
   * @return the created location as Brex returns it
   */
  Location create(CreateLocationRequest request, RequestOptions options);
}
