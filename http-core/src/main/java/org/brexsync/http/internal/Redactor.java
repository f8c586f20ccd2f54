package org.brexsync.http.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one redaction every excerpt of a body, header or URL goes through before it reaches an
 * exception message, a log line, a listener or a report: the configured secrets (and their
 * URL-encoded forms), anything shaped like a bearer token or a Brex token, values of fields named
 * like secrets ({@code token}, {@code password}, {@code api_key}, {@code Authorization}, ...), CVVs
 * and card numbers. One for every brexsync client and the workflow sender. Thread-safe. Not public
 * API.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MASK = "****";
  /** Characters of a body kept in an excerpt, unless a client chooses another length. */
  public static final int EXCERPT = 200;
  // Redacting happens on a window larger than the excerpt, so a secret cut by the excerpt's end is
  // still recognised whole.
  private static final int WINDOW = 8 * 1024;
  private static final int MIN_SECRET = 4;

  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9\\-._~+/]{8,}=*");
  private static final Pattern BREX_TOKEN = Pattern.compile("(?i)\\bbxt_[A-Za-z0-9._\\-]+");
  private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(\\b[A-Za-z0-9_\\-]*"
      + "(?:token|password|passwd|secret|api[_\\-]?key|authorization2?)[\"']?\\s*[:=]\\s*[\"']?)"
      + "([^\"'\\s,;&}\\]]+)");
  private static final Pattern CVV = Pattern.compile(
      "(?i)(\\b(?:cvv2?|cvc2?|cid|security[ _\\-]?code)[\"']?\\s*[:=]?\\s*[\"']?)\\d{3,4}\\b");
  private static final Pattern PAN = Pattern.compile("(?<![0-9])(?:[0-9][ \\-]?){12,18}[0-9](?![0-9])");
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Redactor PATTERNS_ONLY = new Redactor(List::of);

  private final Supplier<? extends Collection<String>> secrets;
  private final int excerptLength;

  /**
   * A redactor of {@code secrets} (asked on every use, so rotated tokens are covered) and of the
   * patterns. The supplier must not throw; secrets shorter than 4 characters are ignored.
   */
  public Redactor(Supplier<? extends Collection<String>> secrets) {
    this(secrets, EXCERPT);
  }

  /** {@link #Redactor(Supplier)} whose excerpts keep {@code excerptLength} characters. */
  public Redactor(Supplier<? extends Collection<String>> secrets, int excerptLength) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    if (excerptLength < 1) {
      throw new IllegalArgumentException("excerptLength must be at least 1");
    }
    this.excerptLength = excerptLength;
  }

  /**
   * This redactor also masking {@code extra} (e.g. the credential headers of one request); this
   * one when there are none.
   */
  public Redactor with(Collection<String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    List<String> fixed = List.copyOf(extra);
    return new Redactor(() -> {
      List<String> all = new ArrayList<>(fixed);
      try {
        all.addAll(secrets.get());
      } catch (RuntimeException e) {
        // as in secrets(): the fixed ones are still masked
      }
      return all;
    }, excerptLength);
  }

  /** A redactor that knows no configured secret, only the patterns. */
  public static Redactor patternsOnly() {
    return PATTERNS_ONLY;
  }

  /** {@code text} with every secret and secret-shaped value masked; null stays null. */
  public String redact(String text) {
    return redact(text, List.of());
  }

  /** {@link #redact(String)}, also masking {@code extra} secrets (e.g. the token of this request). */
  public String redact(String text, Collection<String> extra) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = secrets(text, extra);
    out = AUTH_SCHEME.matcher(out).replaceAll("$1$2" + MASK);
    out = BREX_TOKEN.matcher(out).replaceAll(MASK);
    out = SECRET_FIELD.matcher(out).replaceAll("$1" + MASK);
    out = CVV.matcher(out).replaceAll("$1" + MASK);
    return PAN.matcher(out).replaceAll(MASK);
  }

  /**
   * {@code text} with only the configured secrets (and their URL-encoded forms) masked: for data
   * that must otherwise stay intact, such as a response body that is mapped onward.
   */
  public String redactSecrets(String text) {
    return text == null || text.isEmpty() ? text : secrets(text, List.of());
  }

  private String secrets(String text, Collection<String> extra) {
    String out = text;
    List<String> all = new ArrayList<>(extra);
    try {
      all.addAll(secrets.get());
    } catch (RuntimeException e) {
      // a failing token source must not turn a diagnostic into a different failure
    }
    for (String s : all) {
      if (s != null && s.length() >= MIN_SECRET) {
        out = out.replace(s, MASK);
        String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
        if (!encoded.equals(s)) {
          out = out.replace(encoded, MASK);
        }
      }
    }
    return out;
  }

  /**
   * A short excerpt of a body for a message: redacted, runs of 6+ digits masked, whitespace
   * collapsed, at most the excerpt length ({@value #EXCERPT} characters unless chosen).
   */
  public String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String s = redact(body.length() > WINDOW ? body.substring(0, WINDOW) : body);
    s = SPACES.matcher(LONG_DIGITS.matcher(s).replaceAll(MASK)).replaceAll(" ").trim();
    return s.length() > excerptLength ? s.substring(0, excerptLength) + "..." : s;
  }

  /** Class and first line of a failure's message (parsers quote their input), redacted. */
  public String describe(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return e.getClass().getSimpleName() + ": " + LONG_DIGITS.matcher(redact(m)).replaceAll(MASK);
  }
}
