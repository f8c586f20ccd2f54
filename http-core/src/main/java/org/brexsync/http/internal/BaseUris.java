package org.brexsync.http.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Function;

/** Checks base URIs: https, or plain http only to loopback or with an explicit opt-in. Not public API. */
public final class BaseUris {
  private BaseUris() {}

  /**
   * {@code uri} without a trailing slash, or the client's configuration exception made by {@code
   * error}: not http(s), no host, user info, a query or a fragment, or plain http to a host that is
   * not loopback (the token would travel unencrypted) unless {@code allowPlainHttp}. The message
   * shows only scheme, host and port.
   *
   * @param what the builder method, e.g. {@code baseUri}
   * @param example an https URI of the vendor for messages, e.g. {@code https://platform.brexapis.com}
   */
  public static URI check(URI uri, boolean allowPlainHttp, String what, String example,
      Function<String, ? extends RuntimeException> error) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw error.apply(what + " must be an https URI such as " + example + " (was "
          + (scheme.isEmpty() ? "a URI without scheme" : scheme + ":") + ")");
    }
    if (uri.getHost() == null) {
      throw error.apply(what + " must name a host, e.g. " + example);
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw error.apply(what + " must not contain user info, a query or a fragment (" + shown(scheme, uri) + ")");
    }
    if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
      throw error.apply(what + " " + shown(scheme, uri) + " is plain http to a host that is not"
          + " loopback: the API token would be sent unencrypted. Use https; a test rig that must use"
          + " plain http sets allowPlainHttp(true) on the builder.");
    }
    return stripSlash(uri);
  }

  /** Scheme, host and port, for messages (made only for one: the check runs before a CLI's first request). */
  private static String shown(String scheme, URI uri) {
    return scheme + "://" + (uri.getHost() == null ? "?" : uri.getHost()) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }

  /** {@code uri} without one trailing slash. */
  public static URI stripSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  /** Whether {@code host} is {@code localhost} or a literal loopback address (no DNS lookup). */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (digitsAndDots(h) || h.contains(":")) {
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean digitsAndDots(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return true;
  }
}
