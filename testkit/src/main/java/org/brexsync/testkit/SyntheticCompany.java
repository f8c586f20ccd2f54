package org.brexsync.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.brex.BrexApi;

/**
 * A realistic company generated from a {@link CompanySpec}: users with names, e-mails,
 * departments, locations, titles, managers and a mix of statuses, each with 0 to 3 cards.
 *
 * <p>Every user and card is a pure function of (seed, index): nothing is stored, so a company of
 * 1,000,000 users costs no memory until a simulator changes one of them. Ids, e-mails and
 * {@code remote_display_id}s encode the index, which is how a simulator finds them again.
 *
 * <p>JSON shapes follow the Brex Team API ({@code UserResponse}, {@code Card},
 * {@code DepartmentResponse}, ...); {@link #oomnitzaUser(int)} gives the same person as an
 * Oomnitza user keyed by field external ids. Thread-safe and immutable.
 */
public final class SyntheticCompany {

  private static final String[] FIRST = {
    "Karen", "Jim", "Pam", "Dwight", "Angela", "Oscar", "Kevin", "Stanley", "Phyllis", "Meredith",
    "Creed", "Kelly", "Ryan", "Toby", "Darryl", "Erin", "Andy", "Gabe", "Holly", "Jan", "David",
    "Robert", "Nellie", "Clark", "Pete", "Roy", "Val", "Nate", "Cathy", "Jo", "Aisha", "Ben", "Chen",
    "Diego", "Elena", "Fatima", "Gustav", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nina",
    "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wen", "Ximena", "Yusuf",
    "Zoe", "Amara", "Bruno", "Carmen", "Dmitri", "Esther", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Keiko", "Luis", "Maya", "Noah", "Olga", "Pablo", "Rahul", "Sofia", "Theo", "Ulla", "Vera",
    "Wanda", "Yara", "Zain"
  };
  private static final String[] LAST = {
    "Filippelli", "Halpert", "Beesly", "Schrute", "Martin", "Martinez", "Malone", "Hudson", "Vance",
    "Palmer", "Bratton", "Kapoor", "Howard", "Flenderson", "Philbin", "Hannon", "Bernard", "Lewis",
    "Flax", "Levinson", "Wallace", "California", "Bertram", "Green", "Miller", "Anderson", "Johnson",
    "Okafor", "Nakamura", "Silva", "Kowalski", "Novak", "Haddad", "Jensen", "Rossi", "Garcia",
    "Nguyen", "Ivanova", "Schmidt", "Dubois", "Mensah", "Larsen", "Costa", "Yilmaz", "Cohen",
    "Takahashi", "Fernandez", "Singh", "Murphy", "O'Neil", "Berg", "Lindqvist", "Moreau", "Popescu",
    "Abe", "Alvarez", "Brooks", "Chowdhury", "Dalton", "Eriksen"
  };
  private static final String[] DEPARTMENTS = {
    "Engineering", "Sales", "Marketing", "Finance", "People", "IT", "Legal", "Operations", "Support",
    "Product", "Design", "Security"
  };
  private static final String[][] LOCATIONS = {
    {"New York HQ", "450 Lexington Ave", "New York", "NY", "10017"},
    {"San Francisco", "650 California St", "San Francisco", "CA", "94108"},
    {"Scranton", "1725 Slough Ave", "Scranton", "PA", "18505"},
    {"Austin", "500 W 2nd St", "Austin", "TX", "78701"},
    {"Chicago", "233 S Wacker Dr", "Chicago", "IL", "60606"},
    {"Seattle", "400 Broad St", "Seattle", "WA", "98109"},
    {"Denver", "1801 California St", "Denver", "CO", "80202"},
    {"Remote US", "100 Main St", "Wilmington", "DE", "19801"}
  };
  private static final String[] TITLES = {
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
    "Account Executive", "Sales Manager", "Marketing Manager", "Content Strategist", "Accountant",
    "Controller", "CFO", "HR Generalist", "Recruiter", "IT Administrator", "Counsel",
    "Operations Analyst", "Support Specialist", "Product Manager", "Product Designer",
    "Security Engineer"
  };
  private static final String[] VENDORS = {
    "AWS", "GitHub", "Slack", "Figma", "Zoom", "Atlassian", "Google Workspace", "Datadog",
    "Notion", "Salesforce", "Okta", "1Password"
  };
  private static final String[] DURATIONS = {"MONTHLY", "QUARTERLY", "YEARLY", "ONE_TIME"};
  private static final int ID_WIDTH = 19;

  private final CompanySpec spec;
  private final String tag;

  private SyntheticCompany(CompanySpec spec) {
    this.spec = spec;
    this.tag = tagOf(spec.seed());
  }

  /**
   * {@return the company described by {@code spec}}
   *
   * @param spec the spec
   */
  public static SyntheticCompany of(CompanySpec spec) {
    return new SyntheticCompany(spec);
  }

  /**
   * {@return a company of {@code users} users from {@code seed}, with default name and domain}
   *
   * @param seed the seed of the random source
   * @param users the number of users
   */
  public static SyntheticCompany generate(long seed, int users) {
    return of(CompanySpec.of(seed, users));
  }

  /** {@return the spec the company is generated from} */
  public CompanySpec spec() {
    return spec;
  }

  /** {@return number of users} */
  public int size() {
    return spec.users();
  }

  // ------------------------------------------------------------------ ids

  /**
   * {@return Brex id of user {@code i}}
   *
   * @param i the 0-based index
   */
  public String userId(int i) {
    return "cuuser_" + tag + pad(Integer.toString(i, 36));
  }

  /**
   * {@return Brex id of card {@code k} of user {@code i}}
   *
   * @param i the 0-based index
   * @param k the 0-based index within the first
   */
  public String cardId(int i, int k) {
    return "ncard_" + tag + pad(Long.toString((long) i * 16 + k, 36));
  }

  /**
   * {@return the index of a generated user id, or -1}
   *
   * @param id the id
   */
  public int indexOfUserId(String id) {
    if (id == null || !id.startsWith("cuuser_" + tag) || id.length() != 7 + tag.length() + ID_WIDTH) {
      return -1;
    }
    try {
      long i = Long.parseLong(id.substring(7 + tag.length()), 36);
      return i < size() ? (int) i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@return {@code {userIndex, cardIndex}} of a generated card id, or null}
   *
   * @param id the id
   */
  public int[] indexOfCardId(String id) {
    if (id == null || !id.startsWith("ncard_" + tag) || id.length() != 6 + tag.length() + ID_WIDTH) {
      return null;
    }
    try {
      long v = Long.parseLong(id.substring(6 + tag.length()), 36);
      int i = (int) (v / 16);
      int k = (int) (v % 16);
      return i < size() && k < cardCount(i) ? new int[] {i, k} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * {@return the index of the user with this e-mail (case-insensitive), or -1}
   *
   * @param email the email address
   */
  public int indexOfEmail(String email) {
    if (email == null) {
      return -1;
    }
    String e = email.toLowerCase(Locale.ROOT);
    int at = e.indexOf('@');
    if (at < 1 || !e.substring(at + 1).equals(spec.domain().toLowerCase(Locale.ROOT))) {
      return -1;
    }
    int start = at;
    while (start > 0 && Character.isDigit(e.charAt(start - 1))) {
      start--;
    }
    if (start == at || at - start > 7) {
      return -1;
    }
    int i = Integer.parseInt(e.substring(start, at));
    return i < size() && email(i).equalsIgnoreCase(email) ? i : -1;
  }

  /**
   * {@return the index of the user with this {@code remote_display_id}, or -1}
   *
   * @param rdi the rdi
   */
  public int indexOfRemoteDisplayId(String rdi) {
    if (rdi == null || !rdi.startsWith("EMP") || rdi.length() < 9) {
      return -1;
    }
    try {
      int i = Integer.parseInt(rdi.substring(3)) - 100_000;
      return i >= 0 && i < size() && remoteDisplayId(i).equals(rdi) ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@return Brex id of department {@code d}}
   *
   * @param d the duration
   */
  public String departmentId(int d) {
    return "cudept_" + tag + pad(Integer.toString(d, 36));
  }

  /**
   * {@return Brex id of location {@code l}}
   *
   * @param l the l
   */
  public String locationId(int l) {
    return "culoc_" + tag + pad(Integer.toString(l, 36));
  }

  /**
   * {@return Brex id of title {@code t}}
   *
   * @param t the value
   */
  public String titleId(int t) {
    return "cutitle_" + tag + pad(Integer.toString(t, 36));
  }

  // ------------------------------------------------------------------ users

  private SplittableRandom rnd(int i, int salt) {
    long h = spec.seed() * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
    return new SplittableRandom(h);
  }

  /**
   * {@return first name of user {@code i}}
   *
   * @param i the 0-based index
   */
  public String firstName(int i) {
    return FIRST[rnd(i, 1).nextInt(FIRST.length)];
  }

  /**
   * {@return last name of user {@code i}}
   *
   * @param i the 0-based index
   */
  public String lastName(int i) {
    return LAST[rnd(i, 2).nextInt(LAST.length)];
  }

  /**
   * {@return E-mail of user {@code i}, unique: {@code first.last<i>@domain}}
   *
   * @param i the 0-based index
   */
  public String email(int i) {
    String name = (firstName(i) + "." + lastName(i)).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(name.length() + 8 + spec.domain().length());
    for (int c = 0; c < name.length(); c++) {
      char ch = name.charAt(c);
      if ((ch >= 'a' && ch <= 'z') || ch == '.') {
        sb.append(ch);
      }
    }
    return sb.append(i).append('@').append(spec.domain()).toString();
  }

  /**
   * {@return HR id of user {@code i} ({@code EMP100000} upwards)}
   *
   * @param i the 0-based index
   */
  public String remoteDisplayId(int i) {
    return "EMP" + (100_000 + i);
  }

  /**
   * {@return Brex {@code UserStatus} of user {@code i}: mostly ACTIVE, some INVITED, DISABLED and others}
   *
   * @param i the 0-based index
   */
  public String status(int i) {
    if (i == 0) {
      return "ACTIVE";
    }
    double r = rnd(i, 3).nextDouble();
    if (r < 0.80) {
      return "ACTIVE";
    } else if (r < 0.88) {
      return "INVITED";
    } else if (r < 0.94) {
      return "DISABLED";
    } else if (r < 0.96) {
      return "PENDING_ACTIVATION";
    } else if (r < 0.98) {
      return "CLOSED";
    } else if (r < 0.99) {
      return "INACTIVE";
    }
    return "ARCHIVED";
  }

  /**
   * {@return department index of user {@code i}}
   *
   * @param i the 0-based index
   */
  public int department(int i) {
    return rnd(i, 4).nextInt(DEPARTMENTS.length);
  }

  /**
   * {@return location index of user {@code i}}
   *
   * @param i the 0-based index
   */
  public int location(int i) {
    return rnd(i, 5).nextInt(LOCATIONS.length);
  }

  /**
   * {@return title index of user {@code i}}
   *
   * @param i the 0-based index
   */
  public int title(int i) {
    return rnd(i, 6).nextInt(TITLES.length);
  }

  /**
   * {@return manager index of user {@code i} (a tree with fan-out 7 rooted at user 0), or -1 for user 0}
   *
   * @param i the 0-based index
   */
  public int manager(int i) {
    return i == 0 ? -1 : (i - 1) / 7;
  }

  /**
   * {@return user {@code i} as a Brex {@code UserResponse}}
   *
   * @param i the 0-based index
   */
  public ObjectNode user(int i) {
    checkIndex(i);
    ObjectNode u = Json.object();
    u.put("id", userId(i));
    u.put("first_name", firstName(i));
    u.put("last_name", lastName(i));
    u.put("email", email(i));
    u.put("status", status(i));
    int m = manager(i);
    if (m < 0) {
      u.putNull("manager_id");
    } else {
      u.put("manager_id", userId(m));
    }
    u.put("department_id", departmentId(department(i)));
    u.put("location_id", locationId(location(i)));
    u.put("title_id", titleId(title(i)));
    u.putObject("metadata");
    u.put("remote_display_id", remoteDisplayId(i));
    return u;
  }

  /**
   * Monthly limit of user {@code i} in cents, or -1 when unset.
   *
   * @param i the 0-based index
   * @return the long
   */
  public long monthlyLimitCents(int i) {
    SplittableRandom r = rnd(i, 7);
    return r.nextDouble() < 0.6 ? (1 + r.nextInt(20)) * 50_000L : -1;
  }

  /**
   * {@return spent this month by user {@code i} in cents (at most the limit)}
   *
   * @param i the 0-based index
   */
  public long monthlySpentCents(int i) {
    long limit = monthlyLimitCents(i);
    return limit <= 0 ? 0 : (long) (rnd(i, 8).nextDouble() * limit);
  }

  /** {@return all users, generated lazily in index order} */
  public Stream<ObjectNode> users() {
    return IntStream.range(0, size()).mapToObj(this::user);
  }

  // ------------------------------------------------------------------ cards

  /**
   * {@return how many cards user {@code i} holds (0 for users who never activated)}
   *
   * @param i the 0-based index
   */
  public int cardCount(int i) {
    String s = status(i);
    if (spec.maxCardsPerUser() == 0 || s.equals("INVITED") || s.equals("PENDING_ACTIVATION")) {
      return 0;
    }
    double r = rnd(i, 9).nextDouble();
    int n = r < 0.2 ? 0 : r < 0.65 ? 1 : r < 0.9 ? 2 : 3;
    return Math.min(n, spec.maxCardsPerUser());
  }

  /**
   * {@return card {@code k} of user {@code i} as a Brex {@code Card}}
   *
   * @param i the 0-based index
   * @param k the 0-based index within the first
   */
  public ObjectNode card(int i, int k) {
    checkIndex(i);
    if (k < 0 || k >= cardCount(i)) {
      throw new IndexOutOfBoundsException("user " + i + " has no card " + k);
    }
    SplittableRandom r = rnd(i, 100 + k);
    boolean physical = r.nextDouble() < 0.35;
    boolean vendor = !physical && r.nextDouble() < 0.3;
    double s = r.nextDouble();
    String status = s < 0.75 ? "ACTIVE" : s < 0.83 ? "LOCKED" : s < 0.95 ? "TERMINATED" : physical ? "SHIPPED" : "ACTIVE";
    ObjectNode c = Json.object();
    c.put("id", cardId(i, k));
    ObjectNode owner = c.putObject("owner");
    owner.put("type", "USER");
    owner.put("user_id", userId(i));
    c.put("status", status);
    String number = pan(i, k);
    c.put("last_four", number.substring(12));
    c.put("card_name", vendor ? VENDORS[r.nextInt(VENDORS.length)]
        : physical ? firstName(i) + " " + lastName(i) + " Physical" : firstName(i) + " " + lastName(i) + " Virtual");
    c.put("card_type", physical ? "PHYSICAL" : "VIRTUAL");
    c.put("limit_type", vendor ? "CARD" : "USER");
    if (vendor) {
      ObjectNode sc = c.putObject("spend_controls");
      long limit = (1 + r.nextInt(50)) * 10_000L;
      sc.set("spend_limit", BrexApi.money(limit));
      sc.set("spend_available", BrexApi.money(limit - (long) (r.nextDouble() * limit)));
      sc.put("spend_duration", DURATIONS[r.nextInt(DURATIONS.length)]);
      sc.putNull("reason");
      sc.putNull("lock_after_date");
    } else {
      c.putNull("spend_controls");
    }
    c.set("billing_address", companyAddress());
    if (physical) {
      c.set("mailing_address", locationAddress(location(i)));
    } else {
      c.putNull("mailing_address");
    }
    ObjectNode exp = c.putObject("expiration_date");
    exp.put("month", 1 + r.nextInt(12));
    exp.put("year", 2027 + r.nextInt(4));
    c.put("has_been_transferred", false);
    c.putObject("metadata");
    c.putNull("budget_id");
    return c;
  }

  /**
   * {@return all cards of user {@code i}}
   *
   * @param i the 0-based index
   */
  public List<ObjectNode> cards(int i) {
    int n = cardCount(i);
    List<ObjectNode> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(card(i, k));
    }
    return out;
  }

  /** {@return all cards, generated lazily in user order} */
  public Stream<ObjectNode> cards() {
    return IntStream.range(0, size()).boxed().flatMap(i -> cards(i).stream());
  }

  /**
   * {@return the 16-digit, Luhn-valid card number of card {@code k} of user {@code i}}
   *
   * @param i the 0-based index
   * @param k the 0-based index within the first
   */
  public String pan(int i, int k) {
    SplittableRandom r = rnd(i, 200 + k);
    StringBuilder sb = new StringBuilder("555671");
    while (sb.length() < 15) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    sb.append(luhn(sb));
    return sb.toString();
  }

  /**
   * {@return the CVV of card {@code k} of user {@code i}}
   *
   * @param i the 0-based index
   * @param k the 0-based index within the first
   */
  public String cvv(int i, int k) {
    return String.format(Locale.ROOT, "%03d", rnd(i, 300 + k).nextInt(1000));
  }

  // ------------------------------------------------------------------ org data

  /** {@return departments as Brex {@code DepartmentResponse}s} */
  public List<ObjectNode> departments() {
    List<ObjectNode> out = new ArrayList<>();
    for (int d = 0; d < DEPARTMENTS.length; d++) {
      ObjectNode n = Json.object();
      n.put("id", departmentId(d));
      n.put("name", DEPARTMENTS[d]);
      n.put("description", DEPARTMENTS[d] + " department");
      out.add(n);
    }
    return out;
  }

  /** {@return locations as Brex {@code LocationResponse}s} */
  public List<ObjectNode> locations() {
    List<ObjectNode> out = new ArrayList<>();
    for (int l = 0; l < LOCATIONS.length; l++) {
      ObjectNode n = Json.object();
      n.put("id", locationId(l));
      n.put("name", LOCATIONS[l][0]);
      n.put("description", LOCATIONS[l][1] + ", " + LOCATIONS[l][2]);
      out.add(n);
    }
    return out;
  }

  /** {@return titles as Brex {@code TitleResponse}s} */
  public List<ObjectNode> titles() {
    List<ObjectNode> out = new ArrayList<>();
    for (int t = 0; t < TITLES.length; t++) {
      ObjectNode n = Json.object();
      n.put("id", titleId(t));
      n.put("name", TITLES[t]);
      out.add(n);
    }
    return out;
  }

  /**
   * {@return department name by index}
   *
   * @param d the duration
   */
  public String departmentName(int d) {
    return DEPARTMENTS[d];
  }

  /**
   * {@return location name by index}
   *
   * @param l the l
   */
  public String locationName(int l) {
    return LOCATIONS[l][0];
  }

  /**
   * {@return title name by index}
   *
   * @param t the value
   */
  public String titleName(int t) {
    return TITLES[t];
  }

  /** {@return the company as a Brex {@code CompanyResponse} (note the camelCase {@code accountType})} */
  public ObjectNode company() {
    ObjectNode c = Json.object();
    c.put("id", "cucomp_" + tag + pad("0"));
    c.put("legal_name", spec.name());
    c.set("mailing_address", companyAddress());
    c.put("accountType", "BREX_EMPOWER");
    return c;
  }

  /** {@return the company's business address} */
  public ObjectNode companyAddress() {
    return locationAddress(0);
  }

  private ObjectNode locationAddress(int l) {
    ObjectNode a = Json.object();
    a.put("line1", LOCATIONS[l][1]);
    a.putNull("line2");
    a.put("city", LOCATIONS[l][2]);
    a.put("state", LOCATIONS[l][3]);
    a.put("country", "US");
    a.put("postal_code", LOCATIONS[l][4]);
    a.put("phone_number", "+1555010" + String.format(Locale.ROOT, "%04d", l));
    return a;
  }

  // ------------------------------------------------------------------ oomnitza

  /**
   * {@return user {@code i} as an Oomnitza user keyed by field external ids: {@code username} (the e-mail),
   * {@code email}, {@code first_name}, {@code last_name}, {@code position} (the title),
   * {@code suspended} (true unless ACTIVE or INVITED)}
   *
   * @param i the 0-based index
   */
  public ObjectNode oomnitzaUser(int i) {
    checkIndex(i);
    ObjectNode u = Json.object();
    String email = email(i);
    u.put("username", email);
    u.put("email", email);
    u.put("first_name", firstName(i));
    u.put("last_name", lastName(i));
    u.put("position", TITLES[title(i)]);
    String s = status(i);
    u.put("suspended", !(s.equals("ACTIVE") || s.equals("INVITED")));
    return u;
  }

  /** {@return all users as Oomnitza users, generated lazily} */
  public Stream<ObjectNode> oomnitzaUsers() {
    return IntStream.range(0, size()).mapToObj(this::oomnitzaUser);
  }

  // ------------------------------------------------------------------ helpers

  private void checkIndex(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException("user index " + i + " outside [0, " + size() + ")");
    }
  }

  private static String pad(String s) {
    StringBuilder sb = new StringBuilder(ID_WIDTH);
    for (int n = s.length(); n < ID_WIDTH; n++) {
      sb.append('0');
    }
    return sb.append(s).toString();
  }

  private static String tagOf(long seed) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    String t = Long.toString(Math.abs(h % 2_176_782_336L), 36); // < 36^6
    StringBuilder sb = new StringBuilder("c");
    for (int n = t.length(); n < 5; n++) {
      sb.append('0');
    }
    return sb.append(t.length() > 5 ? t.substring(0, 5) : t).toString();
  }

  private static char luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  @Override
  public String toString() {
    return "SyntheticCompany{seed=" + spec.seed() + ", users=" + size() + ", domain=" + spec.domain() + "}";
  }

}
