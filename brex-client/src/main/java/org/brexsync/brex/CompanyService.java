package org.brexsync.brex;

import org.brexsync.brex.model.Company;

/** The company of the token ({@code GET /v2/company}). Obtain from {@link BrexClient#company()}. */
public interface CompanyService {
  /** Gets the company. */
  Company get();
}
