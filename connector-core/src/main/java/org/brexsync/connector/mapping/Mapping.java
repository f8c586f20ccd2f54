package org.brexsync.connector.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * The field mapping of an integration: its rules and the sync key, the unique Oomnitza field that
 * correlates a Brex user with an Oomnitza user ({@code email} by default). JSON form:
 * {@code {"syncKey":"email","rules":[...]}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableMapping.class)
@JsonDeserialize(as = ImmutableMapping.class)
public abstract class Mapping implements WithMapping {
  /** The default sync key. */
  public static final String DEFAULT_SYNC_KEY = "email";

  /** The Oomnitza field external ids the product page's standard mapping writes. */
  public static final String USERNAME = "username";
  /** Oomnitza email field. */
  public static final String EMAIL = "email";
  /** Oomnitza first name field. */
  public static final String FIRST_NAME = "first_name";
  /** Oomnitza last name field. */
  public static final String LAST_NAME = "last_name";
  /** Oomnitza role field (an integer role id). */
  public static final String ROLE = "role";
  /** The unique custom field "Brex User Id". */
  public static final String BREX_USER_ID = "brex_user_id";

  /** {@return the rules, at most one per target field} */
  @JsonProperty("rules")
  public abstract List<MappingRule> rules();

  /** {@return the Oomnitza field correlating records} */
  @JsonProperty("syncKey")
  @Value.Default
  public String syncKey() {
    return DEFAULT_SYNC_KEY;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the product page's standard mapping with every mandatory item: Brex id → {@code username} and
   * {@code brex_user_id}, email → {@code email} (trimmed, lower-cased), first and last name, the given
   * role id, sync key {@code email}}
   *
   * @param roleId the role id
   */
  public static Mapping standard(int roleId) {
    return builder()
        .addRules(MappingRule.of(USERNAME, "id"))
        .addRules(MappingRule.of(BREX_USER_ID, "id"))
        .addRules(
            MappingRule.builder()
                .target(EMAIL)
                .source("email")
                .addTransform(TransformerSpec.of("trim"), TransformerSpec.of("lowercase"))
                .build())
        .addRules(MappingRule.of(FIRST_NAME, "first_name"))
        .addRules(MappingRule.of(LAST_NAME, "last_name"))
        .addRules(MappingRule.constant(ROLE, roleId))
        .build();
  }

  /**
   * {@return the rule writing a target field}
   *
   * @param target the target
   */
  public Optional<MappingRule> ruleFor(String target) {
    return rules().stream().filter(r -> r.target().equals(target)).findFirst();
  }

  /**
   * {@return a copy with a rule added or replacing the rule of the same target}
   *
   * @param rule the rule
   */
  public Mapping withRule(MappingRule rule) {
    Mapping.Builder b = builder().syncKey(syncKey());
    boolean replaced = false;
    for (MappingRule r : rules()) {
      if (r.target().equals(rule.target())) {
        b.addRules(rule);
        replaced = true;
      } else {
        b.addRules(r);
      }
    }
    if (!replaced) {
      b.addRules(rule);
    }
    return b.build();
  }

  @Value.Check
  void check() {
    Set<String> seen = new HashSet<>();
    for (MappingRule r : rules()) {
      if (!seen.add(r.target())) {
        throw new IllegalStateException("two mapping rules write the target field '" + r.target() + "'");
      }
    }
    if (syncKey().isBlank()) {
      throw new IllegalStateException("syncKey is blank");
    }
  }

  /**
   * Compiles the rules against a transformer registry (fails fast on unknown transformers or bad arguments).
   *
   * @param registry the registry
   * @return the compiled mapping
   */
  public CompiledMapping compile(TransformerRegistry registry) {
    return CompiledMapping.compile(this, registry);
  }

  /**
   * Builder of {@link Mapping}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableMapping.Builder {
    Builder() {}
  }
}
