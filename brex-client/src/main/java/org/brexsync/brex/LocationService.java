package org.brexsync.brex;

import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Location;

/** Brex locations ({@code /v2/locations}). Obtain from {@link BrexClient#locations()}. */
public interface LocationService {
  /** Lists locations lazily across pages, optionally filtered by name. */
  PagedIterable<Location> list(ListReferenceDataRequest request);

  /** Lists every entry lazily. */
  default PagedIterable<Location> list() {
    return list(ListReferenceDataRequest.all());
  }

  /** Gets one by id. */
  Location get(String id);

  /** Creates one ({@code POST /v2/locations}). */
  default Location create(CreateLocationRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates one with per-call options. */
  Location create(CreateLocationRequest request, RequestOptions options);
}
