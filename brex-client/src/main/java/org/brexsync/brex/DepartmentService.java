package org.brexsync.brex;

import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Department;

/** Brex departments ({@code /v2/departments}). Obtain from {@link BrexClient#departments()}. */
public interface DepartmentService {
  /** Lists departments lazily across pages, optionally filtered by name. */
  default PagedIterable<Department> list(ListReferenceDataRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /** Lists with per-call options (timeout, headers), applied to every page. */
  PagedIterable<Department> list(ListReferenceDataRequest request, RequestOptions options);

  /** Lists every entry lazily. */
  default PagedIterable<Department> list() {
    return list(ListReferenceDataRequest.all());
  }

  /** Gets one by id. */
  default Department get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /** Gets one by id with per-call options. */
  Department get(String id, RequestOptions options);

  /** Creates one ({@code POST /v2/departments}). */
  default Department create(CreateDepartmentRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates one with per-call options. */
  Department create(CreateDepartmentRequest request, RequestOptions options);
}
