package org.brexsync.brex;

import org.brexsync.brex.model.Company;

/** The company of the token ({@code GET /v2/company}). Obtain from {@link BrexClient#company()}. */
public interface CompanyService {
  /** Gets the company. */
  default Company get() {
    return get(RequestOptions.defaults());
  }

  /** Gets the company with per-call options. */
  Company get(RequestOptions options);
}
