package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brexsync.connector.workflow.internal.Json;

/**
 * The eight Brex presets of Oomnitza's API block, shipped as JSON resources
 * ({@code org/brexsync/connector/workflow/presets/NAME.json}) that can be copied, edited and read
 * back with {@link #fromJson(String)} or {@link #read(Path)}. Each preset names its
 * {@link BrexOperation}, so brex-client's rules are checked before sending. Typed equivalents are in
 * {@link BrexActions}.
 *
 * <pre>{@code
 * ApiBlock lock = Presets.load("brex-lock-card");
 * String json = Presets.toJson(lock);                      // copy, edit ...
 * ApiBlock mine = Presets.fromJson(json);                  // ... and use your own
 * }</pre>
 */
public final class Presets {
  /** {@code brex-get-user-details}. */
  public static final String GET_USER_DETAILS = "brex-get-user-details";
  /** {@code brex-invite-user}. */
  public static final String INVITE_USER = "brex-invite-user";
  /** {@code brex-activate-user}. */
  public static final String ACTIVATE_USER = "brex-activate-user";
  /** {@code brex-deactivate-user}. */
  public static final String DEACTIVATE_USER = "brex-deactivate-user";
  /** {@code brex-list-user-cards}. */
  public static final String LIST_USER_CARDS = "brex-list-user-cards";
  /** {@code brex-lock-card}. */
  public static final String LOCK_CARD = "brex-lock-card";
  /** {@code brex-terminate-card}. */
  public static final String TERMINATE_CARD = "brex-terminate-card";
  /** {@code brex-create-user-card}. */
  public static final String CREATE_USER_CARD = "brex-create-user-card";

  /** Oomnitza long-text field receiving whole responses ("API Response"). */
  public static final String API_RESPONSE = "api_response";
  /** Oomnitza field holding the Brex user id. */
  public static final String BREX_USER_ID = "brex_user_id";
  /** Oomnitza field holding a Brex card id. */
  public static final String BREX_USER_CARD_ID = "brex_user_card_id";
  /** Oomnitza field receiving the Brex user's status. */
  public static final String BREX_STATUS = "brex_status";
  /** Oomnitza field receiving a card's status after lock / terminate. */
  public static final String BREX_CARD_STATUS = "brex_card_status";
  /** Variable holding the lock / terminate reason. */
  public static final String CARD_REASON = "card_reason";
  /** Variable holding the optional lock / terminate description. */
  public static final String CARD_DESCRIPTION = "card_description";

  private static final List<String> NAMES = List.of(GET_USER_DETAILS, INVITE_USER, ACTIVATE_USER,
      DEACTIVATE_USER, LIST_USER_CARDS, LOCK_CARD, TERMINATE_CARD, CREATE_USER_CARD);

  private Presets() {}

  /** {@return the preset names, in the order of Oomnitza's list} */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Loads a shipped preset.
   *
   * @param name the name
   * @return the api block
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static ApiBlock load(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + String.join(", ", NAMES));
    }
    String resource = "presets/" + name + ".json";
    try (InputStream in = Presets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("preset resource missing: " + resource);
      }
      return Json.mapper().readValue(in, ApiBlock.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read preset " + name, e);
    }
  }

  /** {@return every shipped preset by name} */
  public static Map<String, ApiBlock> all() {
    java.util.LinkedHashMap<String, ApiBlock> m = new java.util.LinkedHashMap<>();
    NAMES.forEach(n -> m.put(n, load(n)));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * {@return the typed equivalent of a shipped preset (same variables and mappings, sent through brex-client)}
   *
   * @param name the name
   */
  public static BrexAction typed(String name) {
    switch (name) {
      case GET_USER_DETAILS:
        return BrexActions.getUserDetails();
      case INVITE_USER:
        return BrexActions.inviteUser();
      case ACTIVATE_USER:
        return BrexActions.activateUser();
      case DEACTIVATE_USER:
        return BrexActions.deactivateUser();
      case LIST_USER_CARDS:
        return BrexActions.listUserCards();
      case LOCK_CARD:
        return BrexActions.lockCard();
      case TERMINATE_CARD:
        return BrexActions.terminateCard();
      case CREATE_USER_CARD:
        return BrexActions.createCard();
      default:
        throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + String.join(", ", NAMES));
    }
  }

  /**
   * Reads an API block from JSON (e.g. an edited copy of a preset).
   *
   * @param json the JSON text
   * @return the api block read
   * @throws IllegalArgumentException when the JSON is malformed, has unknown members or is invalid
   */
  public static ApiBlock fromJson(String json) {
    try {
      return Json.mapper().readValue(json, ApiBlock.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a valid API block: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an API block from a JSON file.
   *
   * @param file the file
   * @return the api block read
   */
  public static ApiBlock read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * {@return the JSON form of an API block (pretty-printed)}
   *
   * @param block the API block
   */
  public static String toJson(ApiBlock block) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(block);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return the JSON tree of an API block}
   *
   * @param block the API block
   */
  public static JsonNode toJsonTree(ApiBlock block) {
    return Json.mapper().valueToTree(block);
  }
}
