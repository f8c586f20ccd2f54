package org.brexsync.testkit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Method + path-template routing ({@code /v2/users/{id}}); literal segments win over parameters. */
public final class Router {

  /** A request handler. */
  @FunctionalInterface
  public interface Handler {
    SimResponse handle(SimRequest request) throws Exception;
  }

  static final class Route {
    final String method;
    final String template;
    final String[] segments;
    final int params;
    final Handler handler;

    Route(String method, String template, Handler handler) {
      this.method = method;
      this.template = template;
      this.segments = split(template);
      int p = 0;
      for (String s : segments) {
        if (isParam(s)) {
          p++;
        }
      }
      this.params = p;
      this.handler = handler;
    }
  }

  /** The outcome of routing one request. */
  static final class Match {
    final Route route;
    final Map<String, String> params;
    final boolean pathKnown;

    Match(Route route, Map<String, String> params, boolean pathKnown) {
      this.route = route;
      this.params = params;
      this.pathKnown = pathKnown;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  public void add(String method, String template, Handler handler) {
    routes.add(new Route(method, template, handler));
  }

  Match match(String method, String rawPath) {
    String[] segs = split(rawPath);
    Route best = null;
    boolean pathKnown = false;
    for (Route r : routes) {
      if (r.segments.length != segs.length || !segmentsMatch(r.segments, segs)) {
        continue;
      }
      if (!r.method.equals(method)) {
        pathKnown = true;
        continue;
      }
      if (best == null || r.params < best.params) {
        best = r;
      }
    }
    if (best == null) {
      return new Match(null, Map.of(), pathKnown);
    }
    Map<String, String> params = best.params == 0 ? Map.of() : new HashMap<>(4);
    for (int i = 0; i < segs.length; i++) {
      if (isParam(best.segments[i])) {
        String name = best.segments[i].substring(1, best.segments[i].length() - 1);
        params.put(name, SimRequest.decode(segs[i].replace("+", "%2B")));
      }
    }
    return new Match(best, params, true);
  }

  private static boolean segmentsMatch(String[] template, String[] actual) {
    for (int i = 0; i < template.length; i++) {
      if (!isParam(template[i]) && !template[i].equals(actual[i])) {
        return false;
      }
      if (isParam(template[i]) && actual[i].isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isParam(String s) {
    return s.length() > 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}';
  }

  static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
