package org.brexsync.oomnitza.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.brexsync.oomnitza.RequestOptions;

/** One logical API call (possibly several HTTP attempts). Immutable once built. */
public final class Call {
  /** Whether repeating the call after it may have been processed is safe. */
  public enum Idempotency {
    /** Safe to repeat (GET, PATCH, DELETE, upserts). */
    IDEMPOTENT,
    /** Repeating could duplicate effects (POST create): retried only if it cannot have been processed. */
    NON_IDEMPOTENT
  }

  final String method;
  final String path;
  final String rawQuery;
  final List<Map.Entry<String, String>> query;
  final byte[] body;
  final String contentType;
  final Idempotency idempotency;
  final RequestOptions options;
  final boolean authenticated;

  private Call(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.rawQuery = b.rawQuery;
    this.query = List.copyOf(b.query);
    this.body = b.body;
    this.contentType = b.contentType;
    this.idempotency = b.idempotency;
    this.options = b.options;
    this.authenticated = b.authenticated;
  }

  /** Starts a call of {@code method} on the already-encoded {@code path}. */
  public static Builder of(String method, String path) {
    return new Builder(method, path);
  }

  /** The method. */
  public String method() {
    return method;
  }

  /** The encoded path (no query). */
  public String path() {
    return path;
  }

  /** Builder. */
  public static final class Builder {
    private final String method;
    private final String path;
    private String rawQuery;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private byte[] body;
    private String contentType;
    private Idempotency idempotency;
    private RequestOptions options = RequestOptions.none();
    private boolean authenticated = true;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method);
      int q = path.indexOf('?');
      if (q >= 0) {
        this.path = path.substring(0, q);
        this.rawQuery = path.substring(q + 1);
      } else {
        this.path = path;
      }
      this.idempotency = method.equals("POST") ? Idempotency.NON_IDEMPOTENT : Idempotency.IDEMPOTENT;
    }

    /** Adds a query parameter (encoded when sent). */
    public Builder query(String name, String value) {
      query.add(Map.entry(name, value));
      return this;
    }

    /** A JSON body. */
    public Builder json(byte[] json) {
      this.body = json;
      this.contentType = "application/json; charset=utf-8";
      return this;
    }

    /** A form body. */
    public Builder form(byte[] form) {
      this.body = form;
      this.contentType = "application/x-www-form-urlencoded";
      return this;
    }

    /** Overrides the method's default idempotency. */
    public Builder idempotency(Idempotency i) {
      this.idempotency = Objects.requireNonNull(i);
      return this;
    }

    /** Per-call options. */
    public Builder options(RequestOptions o) {
      this.options = Objects.requireNonNull(o);
      return this;
    }

    /** Sends without authentication (the token exchange itself). */
    public Builder unauthenticated() {
      this.authenticated = false;
      return this;
    }

    /** Builds the call. */
    public Call build() {
      return new Call(this);
    }
  }
}
