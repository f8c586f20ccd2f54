/**
 * Prometheus exposition of brexsync's meters: {@link
 * org.brexsync.micrometer.prometheus.PrometheusEndpoint}. Needs {@code
 * io.micrometer:micrometer-registry-prometheus}, an optional dependency: declare it to use this package.
 */
package org.brexsync.micrometer.prometheus;
