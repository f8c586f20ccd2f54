package org.brexsync.brex;

import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Location;

/** Brex locations ({@code /v2/locations}). Obtain from {@link BrexClient#locations()}. */
public interface LocationService {
  /** Lists locations lazily across pages, optionally filtered by name. */
  default PagedIterable<Location> list(ListReferenceDataRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /** Lists with per-call options (timeout, headers), applied to every page. */
  PagedIterable<Location> list(ListReferenceDataRequest request, RequestOptions options);

  /** Lists every entry lazily. */
  default PagedIterable<Location> list() {
    return list(ListReferenceDataRequest.all());
  }

  /** Gets one by id. */
  default Location get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /** Gets one by id with per-call options. */
  Location get(String id, RequestOptions options);

  /** Creates one ({@code POST /v2/locations}). */
  default Location create(CreateLocationRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates one with per-call options. */
  Location create(CreateLocationRequest request, RequestOptions options);
}
