/**
 * Insight: list views, shareable reports (CSV, JSON, HTML), cost/risk insight rules and a dashboard
 * over Brex users and cards, optionally joined with the matching Oomnitza person. Views and insight
 * rules are data (JSON); the filter language is the sync filters' ({@link
 * org.brexsync.connector.filter.FilterRule}). Start with {@link org.brexsync.connector.insight.Insight}.
 */
package org.brexsync.connector.insight;
