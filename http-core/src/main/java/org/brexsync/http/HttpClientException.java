package org.brexsync.http;

import java.util.Optional;

/**
 * Root of every exception a brexsync HTTP client throws (each client's own root, such as {@code
 * BrexException} or {@code OomnitzaException}, extends it). Unchecked. Carries what is known of the
 * request it is about: the HTTP status of the answer ({@code 0} when no answer was received: a
 * client-side check, a configuration problem or a network failure), the method and path (without
 * the query string; empty when the exception is not about one request) and the server's trace id.
 * Messages never contain tokens, passwords, card numbers or CVVs.
 *
 * <p>How the client families name things: an exception named {@code ...ValidationException} or
 * {@code ...ArgumentException} for a client-side check means nothing was sent ({@link #status()} is
 * {@code 0}); {@code ...BadRequestException} is the server's own 4xx answer.
 */
public class HttpClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** HTTP status of the answer, 0 when none was received. */
  private final int status;
  /** HTTP method of the request, empty when not about one request. */
  private final String method;
  /** Request path without the query, empty when not about one request. */
  private final String path;
  /** The server's trace id, empty when absent. */
  private final String traceId;

  /**
   * An exception that is not about one HTTP exchange.
   *
   * @param message the detail message (never a secret)
   */
  public HttpClientException(String message) {
    this(message, null, 0, "", "", null);
  }

  /**
   * An exception with a cause (whose message must already be free of secrets).
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   */
  public HttpClientException(String message, Throwable cause) {
    this(message, cause, 0, "", "", null);
  }

  /**
   * An exception about one request.
   *
   * @param message the detail message (never a secret)
   * @param cause the underlying failure, or null
   * @param status the HTTP status of the answer, 0 when none was received
   * @param method the request's method, or empty
   * @param path the request's path without query, redacted, or empty
   * @param traceId the server's trace id, null or empty when absent
   */
  public HttpClientException(String message, Throwable cause, int status, String method, String path,
      String traceId) {
    super(message, cause);
    this.status = status;
    this.method = method == null ? "" : method;
    this.path = path == null ? "" : path;
    this.traceId = traceId == null || traceId.isEmpty() ? null : traceId;
  }

  /** {@return the HTTP status of the answer this is about; 0 when no answer was received} */
  public int status() {
    return status;
  }

  /** {@return the HTTP method of the request; empty when the exception is not about one request} */
  public String method() {
    return method;
  }

  /** {@return the path of the request without the query string; empty when not about one request} */
  public String path() {
    return path;
  }

  /**
   * {@return the server's request/trace id, when its answer carried one: quote it to the vendor's support}
   */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }
}
