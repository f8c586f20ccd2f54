package org.brexsync.brex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.brexsync.brex.model.Address;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.OwnerType;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendControlUpdateRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.UpdateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.UpdateUserStatus;

/**
 * The client-side rules Brex documents, checked before anything is sent. Each {@code validate}
 * method returns every violation at once (empty = valid); each {@code check} method throws one
 * {@link BrexValidationException} listing them all. Workflows can call these to validate input
 * without sending it. Field paths are the JSON names of the Brex spec.
 */
public final class BrexValidation {
  /** Brex: card metadata at most 50 keys. */
  public static final int CARD_METADATA_MAX_KEYS = 50;
  /** Brex: card metadata keys at most 40 characters. */
  public static final int CARD_METADATA_MAX_KEY_LENGTH = 40;
  /** Brex: card metadata values at most 500 characters. */
  public static final int CARD_METADATA_MAX_VALUE_LENGTH = 500;
  /** Brex: user metadata at most 100 entries. */
  public static final int USER_METADATA_MAX_ENTRIES = 100;
  /** Brex: the first two mailing address lines must be under 60 characters. */
  public static final int ADDRESS_LINE_MAX_EXCLUSIVE = 60;
  /** Brex: secure email links expire after at most 30 days. */
  public static final int SECURE_EMAIL_MAX_EXPIRY_DAYS = 30;
  /** Brex: list page size at most 1000. */
  public static final int MAX_PAGE_SIZE = 1000;

  private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");
  // Pragmatic address check: one @, no spaces, a dot in the domain.
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  // "PO Box", "P.O. Box", "P O Box", "Post Office Box", "POB 12", "PO-Box", any case/spacing.
  private static final Pattern PO_BOX = Pattern.compile(
      "(?i)(^|[^a-z])(p[\\s.\\-]*o[\\s.\\-]*b[\\s.\\-]*o[\\s.\\-]*x|post[\\s.\\-]*office[\\s.\\-]*box"
          + "|p[\\s.\\-]*o[\\s.\\-]*b(?=[\\s.\\-#]*\\d))");

  private BrexValidation() {}

  /**
   * {@return every rule broken by a create-card request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(CreateCardRequest r) {
    List<Violation> v = new ArrayList<>();
    if (r.owner().type() != OwnerType.USER) {
      v.add(new Violation("owner.type", "must be USER"));
    }
    if (r.owner().userId().isBlank()) {
      v.add(new Violation("owner.user_id", "must not be empty"));
    }
    text(v, "card_name", r.cardName());
    if (r.cardType() == CardType.UNKNOWN) {
      v.add(new Violation("card_type", "must be VIRTUAL or PHYSICAL"));
    }
    if (r.limitType() == LimitType.UNKNOWN) {
      v.add(new Violation("limit_type", "must be CARD or USER"));
    }
    if (r.limitType() == LimitType.CARD) {
      if (r.cardType() == CardType.PHYSICAL) {
        v.add(new Violation("card_type", "must be VIRTUAL when limit_type is CARD (vendor cards are virtual)"));
      }
      if (r.spendControls().isEmpty()) {
        v.add(new Violation("spend_controls",
            "is required when limit_type is CARD (with spend_limit and spend_duration)"));
      }
    }
    if (r.limitType() == LimitType.USER && r.spendControls().isPresent()) {
      v.add(new Violation("spend_controls",
          "must be absent when limit_type is USER (the card spends against the user's limit)"));
    }
    r.spendControls().ifPresent(sc -> spendControls(v, "spend_controls", sc));
    if (r.cardType() == CardType.PHYSICAL && r.mailingAddress().isEmpty()) {
      v.add(new Violation("mailing_address", "is required for PHYSICAL cards (shipping address)"));
    }
    if (r.cardType() == CardType.PHYSICAL) {
      r.mailingAddress()
          .filter(a -> a.line1().map(String::isBlank).orElse(true))
          .ifPresent(a -> v.add(new Violation("mailing_address.line1",
              "is required for shipping a physical card")));
    }
    // Brex's Address: "must be in the US; no PO box" - for every card type, virtual ones too
    r.mailingAddress().ifPresent(a -> usAddress(v, "mailing_address", a));
    cardMetadata(v, "metadata", r.metadata());
    r.cardAttributePreferences()
        .flatMap(p -> p.threeDomainSecureEnabledPreference())
        .filter(p -> p.name().equals("UNKNOWN"))
        .ifPresent(p -> v.add(new Violation(
            "card_attribute_preferences.three_domain_secure_enabled_preference", "is not a valid value")));
    return v;
  }

  /**
   * {@return every rule broken by a card update}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(UpdateCardRequest r) {
    List<Violation> v = new ArrayList<>();
    r.spendControls().ifPresent(sc -> spendControlUpdate(v, "spend_controls", sc));
    r.metadata().ifPresent(m -> cardMetadata(v, "metadata", m));
    return v;
  }

  /**
   * {@return every rule broken by an invite}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(InviteUserRequest r) {
    List<Violation> v = new ArrayList<>();
    text(v, "first_name", r.firstName());
    text(v, "last_name", r.lastName());
    email(v, "email", r.email());
    if (r.metadata().size() > USER_METADATA_MAX_ENTRIES) {
      v.add(new Violation("metadata", "has " + r.metadata().size() + " entries; at most "
          + USER_METADATA_MAX_ENTRIES + " allowed"));
    }
    userMetadataAscii(v, r.metadata());
    return v;
  }

  /**
   * {@return every rule broken by a user update}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(UpdateUserRequest r) {
    List<Violation> v = new ArrayList<>();
    if (r.status().isSet() && r.status().get() == UpdateUserStatus.UNKNOWN) {
      v.add(new Violation("status", "must be ACTIVE or DISABLED"));
    }
    r.metadata().value().ifPresent(m -> {
      if (m.size() > USER_METADATA_MAX_ENTRIES) {
        v.add(new Violation("metadata", "has " + m.size() + " entries; at most "
            + USER_METADATA_MAX_ENTRIES + " allowed"));
      }
      userMetadataAscii(v, m);
    });
    return v;
  }

  /**
   * {@return every rule broken by a set-limit request (the amount must not be negative)}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(SetUserLimitRequest r) {
    List<Violation> v = new ArrayList<>();
    r.monthlyLimit().ifPresent(m -> money(v, "monthly_limit", m));
    return v;
  }

  /**
   * {@return every rule broken by a lock request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(LockCardRequest r) {
    List<Violation> v = new ArrayList<>();
    reason(v, r.reason());
    r.description().ifPresent(d -> ascii(v, "description", d));
    return v;
  }

  /**
   * {@return every rule broken by a terminate request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(TerminateCardRequest r) {
    List<Violation> v = new ArrayList<>();
    reason(v, r.reason());
    r.description().ifPresent(d -> ascii(v, "description", d));
    return v;
  }

  /**
   * {@return every rule broken by a secure-email request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(SecureEmailRequest r) {
    List<Violation> v = new ArrayList<>();
    email(v, "recipient_email", r.recipientEmail());
    text(v, "sender_name", r.senderName());
    r.message().ifPresent(m -> ascii(v, "message", m));
    r.expiryDays().ifPresent(d -> {
      if (d < 1 || d > SECURE_EMAIL_MAX_EXPIRY_DAYS) {
        v.add(new Violation("expiry_days", "must be between 1 and " + SECURE_EMAIL_MAX_EXPIRY_DAYS
            + " (was " + d + ")"));
      }
    });
    return v;
  }

  /**
   * {@return every rule broken by a create-department request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(CreateDepartmentRequest r) {
    List<Violation> v = new ArrayList<>();
    text(v, "name", r.name());
    r.description().ifPresent(d -> ascii(v, "description", d));
    return v;
  }

  /**
   * {@return every rule broken by a create-location request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(CreateLocationRequest r) {
    List<Violation> v = new ArrayList<>();
    text(v, "name", r.name());
    r.description().ifPresent(d -> ascii(v, "description", d));
    return v;
  }

  /**
   * {@return every rule broken by a create-title request}
   *
   * @param r the request to check
   */
  public static List<Violation> validate(CreateTitleRequest r) {
    List<Violation> v = new ArrayList<>();
    text(v, "name", r.name());
    return v;
  }

  /**
   * {@return violations of the page-size rule (1..1000) for {@code limit}}
   *
   * @param limit the limit
   */
  public static List<Violation> validatePageSize(Optional<Integer> limit) {
    List<Violation> v = new ArrayList<>();
    limit.ifPresent(l -> {
      if (l < 1 || l > MAX_PAGE_SIZE) {
        v.add(new Violation("limit", "must be between 1 and " + MAX_PAGE_SIZE + " (was " + l + ")"));
      }
    });
    return v;
  }

  /**
   * Throws when {@link #validate(CreateCardRequest)} finds anything.
   *
   * @param r the request to check
   */
  public static void check(CreateCardRequest r) {
    throwIfAny("create card request", validate(r));
  }

  /**
   * Throws when {@link #validate(InviteUserRequest)} finds anything.
   *
   * @param r the request to check
   */
  public static void check(InviteUserRequest r) {
    throwIfAny("invite user request", validate(r));
  }

  /**
   * Throws one {@link BrexValidationException} when {@code violations} is not empty.
   *
   * @param what names the request in the message, e.g. "create card request"
   * @param violations the violations
   */
  public static void throwIfAny(String what, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new BrexValidationException(what, violations);
    }
  }

  /**
   * Reads a request of {@code requestType} (e.g. {@code CreateCardRequest.class}) from spec-shaped
   * JSON, for JSON-driven callers such as workflow templates, and validates it: unknown property
   * names, missing required properties, illegal enum values, wrong JSON types and every rule of the
   * typed {@code validate} methods are all reported at once. The rules are checked on what remains
   * once the structurally wrong properties are left out; they are skipped only when a required
   * property is missing or unusable (a rule cannot judge a request that does not exist), and a
   * rule about a property already reported is not repeated.
   *
   * @param <T> the type of the value
   * @param json the JSON text
   * @param requestType the request type
   * @return the t read
   * @throws BrexValidationException listing every problem
   */
  public static <T> T parse(com.fasterxml.jackson.databind.JsonNode json, Class<T> requestType) {
    List<Violation> shape = new ArrayList<>();
    // checked on a copy from which every structurally wrong property is removed
    com.fasterxml.jackson.databind.JsonNode usable = json == null ? null : json.deepCopy();
    JsonShape.check(usable, requestType, "", shape);
    String what = requestType.getSimpleName();
    T value = null;
    if (usable != null && usable.isObject()) {
      try {
        value = BrexJson.shared().treeToValue(usable, requestType);
      } catch (java.io.IOException | RuntimeException e) {
        if (shape.isEmpty()) {
          shape.add(new Violation("(body)",
              org.brexsync.http.internal.Redactor.patternsOnly().describe(e)));
        }
      }
    }
    List<Violation> all = new ArrayList<>(shape);
    if (value != null) {
      for (Violation rule : validateAny(value)) {
        if (shape.stream().noneMatch(s -> sameOrInside(rule.field(), s.field()))) {
          all.add(rule);
        }
      }
    }
    throwIfAny(what, all);
    return value;
  }

  private static boolean sameOrInside(String field, String reported) {
    return field.equals(reported) || field.startsWith(reported + ".") || field.startsWith(reported + "[");
  }

  /**
   * {@return every rule broken by a request of any supported type (empty for types without rules)}
   *
   * @param request the request
   */
  public static List<Violation> validateAny(Object request) {
    if (request instanceof CreateCardRequest r) {
      return validate(r);
    } else if (request instanceof UpdateCardRequest r) {
      return validate(r);
    } else if (request instanceof InviteUserRequest r) {
      return validate(r);
    } else if (request instanceof UpdateUserRequest r) {
      return validate(r);
    } else if (request instanceof SetUserLimitRequest r) {
      return validate(r);
    } else if (request instanceof LockCardRequest r) {
      return validate(r);
    } else if (request instanceof TerminateCardRequest r) {
      return validate(r);
    } else if (request instanceof SecureEmailRequest r) {
      return validate(r);
    } else if (request instanceof CreateDepartmentRequest r) {
      return validate(r);
    } else if (request instanceof CreateLocationRequest r) {
      return validate(r);
    } else if (request instanceof CreateTitleRequest r) {
      return validate(r);
    }
    return List.of();
  }

  /**
   * {@return whether {@code line} looks like a PO box ("PO Box", "P.O. Box", "Post Office Box", "POB 12")}
   *
   * @param line the line
   */
  public static boolean isPoBox(String line) {
    return line != null && PO_BOX.matcher(line).find();
  }

  private static void reason(List<Violation> v, ChangeCardReason reason) {
    if (reason == ChangeCardReason.UNKNOWN) {
      v.add(new Violation("reason", "is not a valid ChangeCardReason"));
    }
  }

  private static void spendControls(List<Violation> v, String path, SpendControlRequest sc) {
    money(v, path + ".spend_limit", sc.spendLimit());
    if (sc.spendDuration().name().equals("UNKNOWN")) {
      v.add(new Violation(path + ".spend_duration", "is not a valid SpendDuration"));
    }
    sc.reason().ifPresent(r -> ascii(v, path + ".reason", r));
  }

  private static void spendControlUpdate(List<Violation> v, String path, SpendControlUpdateRequest sc) {
    sc.spendLimit().ifPresent(m -> money(v, path + ".spend_limit", m));
    sc.spendDuration().filter(d -> d.name().equals("UNKNOWN"))
        .ifPresent(d -> v.add(new Violation(path + ".spend_duration", "is not a valid SpendDuration")));
    sc.reason().ifPresent(r -> ascii(v, path + ".reason", r));
  }

  private static void money(List<Violation> v, String path, Money m) {
    if (m.amount() < 0) {
      v.add(new Violation(path + ".amount", "must not be negative (was " + m.amount() + ")"));
    }
    m.currency().filter(c -> !isCurrencyCode(c)).ifPresent(c -> v.add(new Violation(
        path + ".currency", "must be an ISO 4217 currency code such as USD or EUR")));
  }

  /**
   * {@return whether {@code code} is an ISO 4217 currency code known to {@link java.util.Currency}}
   *
   * @param code the code
   */
  public static boolean isCurrencyCode(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      java.util.Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private static void usAddress(List<Violation> v, String path, Address a) {
    if (!a.country().orElse("").equals("US")) {
      v.add(new Violation(path + ".country",
          "must be US (ISO 3166-1 alpha-2): Brex accepts US addresses only"));
    }
    a.line1().filter(BrexValidation::isPoBox)
        .ifPresent(l -> v.add(new Violation(path + ".line1", "must not be a PO box")));
    a.line2().filter(BrexValidation::isPoBox)
        .ifPresent(l -> v.add(new Violation(path + ".line2", "must not be a PO box")));
    lines(v, path, a);
  }

  private static void lines(List<Violation> v, String path, Address a) {
    a.line1().ifPresent(l -> lineLength(v, path + ".line1", l));
    a.line2().ifPresent(l -> lineLength(v, path + ".line2", l));
    a.line1().ifPresent(l -> ascii(v, path + ".line1", l));
    a.line2().ifPresent(l -> ascii(v, path + ".line2", l));
  }

  private static void lineLength(List<Violation> v, String path, String line) {
    if (line.length() >= ADDRESS_LINE_MAX_EXCLUSIVE) {
      v.add(new Violation(path, "must be under " + ADDRESS_LINE_MAX_EXCLUSIVE + " characters (has "
          + line.length() + ")"));
    }
  }

  private static void cardMetadata(List<Violation> v, String path, Map<String, String> m) {
    if (m.size() > CARD_METADATA_MAX_KEYS) {
      v.add(new Violation(path, "has " + m.size() + " keys; at most " + CARD_METADATA_MAX_KEYS + " allowed"));
    }
    m.forEach((k, val) -> {
      if (k.length() > CARD_METADATA_MAX_KEY_LENGTH) {
        v.add(new Violation(path + "." + k, "key is " + k.length() + " characters; at most "
            + CARD_METADATA_MAX_KEY_LENGTH + " allowed"));
      }
      if (val.length() > CARD_METADATA_MAX_VALUE_LENGTH) {
        v.add(new Violation(path + "." + k, "value is " + val.length() + " characters; at most "
            + CARD_METADATA_MAX_VALUE_LENGTH + " allowed"));
      }
    });
  }

  private static void userMetadataAscii(List<Violation> v, Map<String, String> m) {
    m.forEach((k, val) -> ascii(v, "metadata." + k, val));
  }

  private static void text(List<Violation> v, String path, String s) {
    if (s.isBlank()) {
      v.add(new Violation(path, "must not be empty"));
    } else {
      ascii(v, path, s);
    }
  }

  private static void ascii(List<Violation> v, String path, String s) {
    if (!ASCII.matcher(s).matches()) {
      v.add(new Violation(path, "must contain only ASCII characters (Brex rejects others)"));
    }
  }

  private static void email(List<Violation> v, String path, String s) {
    if (s.isBlank()) {
      v.add(new Violation(path, "must not be empty"));
    } else if (!EMAIL.matcher(s).matches() || !ASCII.matcher(s).matches()) {
      v.add(new Violation(path, "is not a valid email address"));
    }
  }
}
