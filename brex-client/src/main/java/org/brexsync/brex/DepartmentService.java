package org.brexsync.brex;

import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Department;

/** Brex departments ({@code /v2/departments}). Obtain from {@link BrexClient#departments()}. */
public interface DepartmentService {
  /** Lists departments lazily across pages, optionally filtered by name. */
  PagedIterable<Department> list(ListReferenceDataRequest request);

  /** Lists every entry lazily. */
  default PagedIterable<Department> list() {
    return list(ListReferenceDataRequest.all());
  }

  /** Gets one by id. */
  Department get(String id);

  /** Creates one ({@code POST /v2/departments}). */
  default Department create(CreateDepartmentRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates one with per-call options. */
  Department create(CreateDepartmentRequest request, RequestOptions options);
}
