package org.brexsync.brex;

import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Department;

/** Brex departments ({@code /v2/departments}). Obtain from {@link BrexClient#departments()}. */
public interface DepartmentService {
  /**
   * Lists departments lazily across pages, optionally filtered by name.
   *
   * @param request the request
   * @return the departments, fetched a page at a time as they are iterated
   */
  default PagedIterable<Department> list(ListReferenceDataRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /**
   * Lists with per-call options (timeout, headers), applied to every page.
   *
   * @param request the request
   * @param options options of this call only
   * @return the departments, fetched a page at a time as they are iterated
   */
  PagedIterable<Department> list(ListReferenceDataRequest request, RequestOptions options);

  /**
   * Lists every entry lazily.
   *
   * @return the departments, fetched a page at a time as they are iterated
   */
  default PagedIterable<Department> list() {
    return list(ListReferenceDataRequest.all());
  }

  /**
   * {@return one by id}
   *
   * @param id the department id
   */
  default Department get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return one by id with per-call options}
   *
   * @param id the department id
   * @param options options of this call only
   */
  Department get(String id, RequestOptions options);

  /**
   * Creates one ({@code POST /v2/departments}).
   *
   * @param request the request
   * @return the created department as Brex returns it
   */
  default Department create(CreateDepartmentRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /**
   * Creates one with per-call options.
   *
   * @param request the request
   * @param options options of this call only
   * @return the created department as Brex returns it
   */
  Department create(CreateDepartmentRequest request, RequestOptions options);
}
