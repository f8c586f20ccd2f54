package org.brexsync.connector.brex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.brexsync.connector.port.UserSource;

/**
 * Cached enrichment lookups over a {@link UserSource}: department, location and title names (each
 * directory is listed once, on first use) and users by id for manager enrichment (a bounded LRU cache
 * seeded with every user the sync has already seen, so a manager costs at most one call, never one
 * call per report). Thread-safe.
 */
public final class BrexLookups {
  /** Default number of users remembered for manager lookups. */
  public static final int DEFAULT_USER_CACHE_SIZE = 50_000;

  private final UserSource source;
  private final Map<String, Optional<ObjectNode>> users;
  /** Users remembered as views, converted to a tree only when asked for as a manager. */
  private final Map<String, org.brexsync.connector.record.RecordView> views;
  private volatile Map<String, String> departments;
  private volatile Map<String, String> locations;
  private volatile Map<String, String> titles;
  private final AtomicLong calls = new AtomicLong();

  private BrexLookups(UserSource source, int userCacheSize) {
    this.source = Objects.requireNonNull(source, "source");
    this.users =
        Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Optional<ObjectNode>> e) {
                return size() > userCacheSize;
              }
            });
    this.views =
        Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<String, org.brexsync.connector.record.RecordView> e) {
                return size() > userCacheSize;
              }
            });
  }

  /**
   * {@return lookups over a source with the default cache size}
   *
   * @param source the source
   */
  public static BrexLookups over(UserSource source) {
    return new BrexLookups(source, DEFAULT_USER_CACHE_SIZE);
  }

  /**
   * {@return lookups over a source remembering at most {@code userCacheSize} users}
   *
   * @param source the source
   * @param userCacheSize the user cache size
   */
  public static BrexLookups over(UserSource source, int userCacheSize) {
    if (userCacheSize < 1) {
      throw new IllegalArgumentException("userCacheSize must be >= 1");
    }
    return new BrexLookups(source, userCacheSize);
  }

  /**
   * Remembers a user seen elsewhere (e.g. in a users page) so it never needs to be fetched.
   *
   * @param user the user
   */
  public void remember(ObjectNode user) {
    if (user.hasNonNull("id")) {
      users.put(user.get("id").asText(), Optional.of(user));
    }
  }

  /**
   * Remembers a user seen through a record view (e.g. in a users page); its JSON tree is made only if
   * it is asked for as somebody's manager.
   *
   * @param user the user
   */
  public void remember(org.brexsync.connector.record.RecordView user) {
    Optional<String> id = user.text("id").filter(s -> !s.isEmpty());
    if (id.isPresent()) {
      views.put(id.get(), user);
    }
  }

  /**
   * {@return the department's name}
   *
   * @param id the id
   */
  public Optional<String> departmentName(String id) {
    Map<String, String> m = departments;
    if (m == null) {
      synchronized (this) {
        if (departments == null) {
          departments = index(source.listDepartments());
        }
        m = departments;
      }
    }
    return Optional.ofNullable(m.get(id));
  }

  /**
   * {@return the location's name}
   *
   * @param id the id
   */
  public Optional<String> locationName(String id) {
    Map<String, String> m = locations;
    if (m == null) {
      synchronized (this) {
        if (locations == null) {
          locations = index(source.listLocations());
        }
        m = locations;
      }
    }
    return Optional.ofNullable(m.get(id));
  }

  /**
   * {@return the title's name}
   *
   * @param id the id
   */
  public Optional<String> titleName(String id) {
    Map<String, String> m = titles;
    if (m == null) {
      synchronized (this) {
        if (titles == null) {
          titles = index(source.listTitles());
        }
        m = titles;
      }
    }
    return Optional.ofNullable(m.get(id));
  }

  /**
   * {@return a user by id, from the cache or with one call}
   *
   * @param id the id
   */
  public Optional<ObjectNode> user(String id) {
    Optional<ObjectNode> hit = users.get(id);
    if (hit != null) {
      return hit;
    }
    org.brexsync.connector.record.RecordView seen = views.remove(id);
    if (seen != null) {
      Optional<ObjectNode> tree = Optional.of(seen.toJson());
      users.put(id, tree);
      return tree;
    }
    calls.incrementAndGet();
    Optional<ObjectNode> fetched = source.getUser(id);
    users.put(id, fetched);
    return fetched;
  }

  /** {@return number of single-user calls made for manager lookups (for tests and reports)} */
  public long userCalls() {
    return calls.get();
  }

  private Map<String, String> index(List<ObjectNode> items) {
    calls.incrementAndGet();
    Map<String, String> m = new HashMap<>();
    for (ObjectNode n : items) {
      if (n.hasNonNull("id") && n.hasNonNull("name")) {
        m.put(n.get("id").asText(), n.get("name").asText());
      }
    }
    return Map.copyOf(m);
  }
}
