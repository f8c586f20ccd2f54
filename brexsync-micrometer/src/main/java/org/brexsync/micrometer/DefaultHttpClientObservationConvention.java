package org.brexsync.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Optional;
import org.brexsync.http.RequestListener;
import org.brexsync.micrometer.BrexsyncObservationDocumentation.HighCardinalityKeys;
import org.brexsync.micrometer.BrexsyncObservationDocumentation.HttpClientKeys;

/**
 * The default {@link HttpClientObservationConvention}: named {@value
 * BrexsyncMeters#HTTP_CLIENT_REQUESTS}, spans named by the operation ({@code GET /v2/users/{id}}),
 * tagged by system, method, operation, status, outcome and exception. It never reads the attempt's
 * path, which may hold ids.
 */
public class DefaultHttpClientObservationConvention implements HttpClientObservationConvention {
  /** The shared instance. */
  public static final DefaultHttpClientObservationConvention INSTANCE = new DefaultHttpClientObservationConvention();

  /** A convention; subclass it to add tags. */
  public DefaultHttpClientObservationConvention() {}

  @Override
  public String getName() {
    return BrexsyncMeters.HTTP_CLIENT_REQUESTS;
  }

  @Override
  public String getContextualName(HttpClientContext context) {
    return context.start().operation();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(HttpClientContext context) {
    RequestListener.AttemptStart s = context.start();
    Optional<RequestListener.Attempt> a = context.outcome();
    Optional<Integer> status = a.flatMap(RequestListener.Attempt::status);
    return KeyValues.of(
        HttpClientKeys.SYSTEM.withValue(system(s.service())),
        HttpClientKeys.METHOD.withValue(s.method().toUpperCase(Locale.ROOT)),
        HttpClientKeys.OPERATION.withValue(s.operation()),
        HttpClientKeys.STATUS.withValue(status.map(String::valueOf).orElse("NONE")),
        HttpClientKeys.OUTCOME.withValue(status.map(DefaultHttpClientObservationConvention::outcome).orElse("UNKNOWN")),
        HttpClientKeys.EXCEPTION.withValue(a.flatMap(RequestListener.Attempt::failure).orElse("none")));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(HttpClientContext context) {
    KeyValue attempt = HighCardinalityKeys.ATTEMPT.withValue(Integer.toString(context.start().attempt()));
    return context.outcome().flatMap(RequestListener.Attempt::traceId)
        .map(t -> KeyValues.of(attempt, HighCardinalityKeys.VENDOR_TRACE_ID.withValue(t)))
        .orElse(KeyValues.of(attempt));
  }

  /**
   * Turns a service name into a tag value.
   *
   * @param service the service an attempt names ({@link RequestListener.AttemptStart#service()})
   * @return the service in lower case ({@code brex}, {@code oomnitza}, {@code workflow}); {@code
   *     unknown} when it is blank
   */
  public static String system(String service) {
    return service.isBlank() ? "unknown" : service.toLowerCase(Locale.ROOT);
  }

  /**
   * Classifies an HTTP status, as Spring and Micrometer name the classes.
   *
   * @param status an HTTP status code
   * @return {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR} or
   *     {@code SERVER_ERROR} by its hundreds; {@code UNKNOWN} outside 100..599
   */
  public static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "SUCCESS";
    }
    if (status >= 300 && status < 400) {
      return "REDIRECTION";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    if (status >= 500 && status < 600) {
      return "SERVER_ERROR";
    }
    return status >= 100 && status < 200 ? "INFORMATIONAL" : "UNKNOWN";
  }
}
