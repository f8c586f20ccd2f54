package org.brexsync.brex;

import org.brexsync.brex.model.Company;

/** The company of the token ({@code GET /v2/company}). Obtain from {@link BrexClient#company()}. */
public interface CompanyService {
  /** {@return the company} */
  default Company get() {
    return get(RequestOptions.defaults());
  }

  /**
   * {@return the company with per-call options}
   *
   * @param options options of this call only
   */
  Company get(RequestOptions options);
}
