package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.workflow.internal.Json;

/**
 * Options of one run: variables that fill (and override) record fields in templates, e.g.
 * {@code card_reason=FRAUD}, and whether it is a dry run (nothing sent to Brex, nothing written to
 * Oomnitza; the report shows the exact requests). Immutable.
 */
public final class RunOptions {
  private static final RunOptions DEFAULTS = new RunOptions(Map.of(), false);
  private final Map<String, JsonNode> variables;
  private final boolean dryRun;

  private RunOptions(Map<String, JsonNode> variables, boolean dryRun) {
    this.variables = Map.copyOf(variables);
    this.dryRun = dryRun;
  }

  /** {@return no variables, not a dry run} */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the variables} */
  public Map<String, JsonNode> variables() {
    return variables;
  }

  /** {@return whether this is a dry run} */
  public boolean dryRun() {
    return dryRun;
  }

  /**
   * {@return a variable}
   *
   * @param name the name
   */
  public Optional<JsonNode> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** {@return these options as a dry run} */
  public RunOptions asDryRun() {
    return new RunOptions(variables, true);
  }

  @Override
  public String toString() {
    return "RunOptions[variables=" + variables.keySet() + ", dryRun=" + dryRun + "]";
  }

  /** Builds {@link RunOptions}. */
  public static final class Builder {
    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private boolean dryRun;

    private Builder() {}

    /**
     * Sets a text variable (always a JSON string, whatever it contains).
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder set(String name, String value) {
      variables.put(checkName(name), TextNode.valueOf(Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Sets a JSON variable, e.g. a {@code mailing_address} object.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder set(String name, JsonNode value) {
      variables.put(checkName(name), Objects.requireNonNull(value, "value").deepCopy());
      return this;
    }

    /**
     * Sets a variable from a CLI-style {@code key=value}: a value starting with <code>{</code> or
     * {@code [} is read as JSON (an object or list), anything else is text.
     *
     * @param assignment the assignment
     * @return this builder
     * @throws IllegalArgumentException when there is no {@code =} or the JSON is malformed
     */
    public Builder setAssignment(String assignment) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got '" + assignment + "'");
      }
      String name = assignment.substring(0, eq).trim();
      String value = assignment.substring(eq + 1);
      String t = value.trim();
      if (t.startsWith("{") || t.startsWith("[")) {
        JsonNode n = Json.tryParse(t).orElseThrow(() ->
            new IllegalArgumentException("the value of " + name + " starts like JSON but is not valid JSON"));
        return set(name, n);
      }
      return set(name, value);
    }

    /**
     * Sets every text variable of a map.
     *
     * @param values the values
     * @return this builder
     */
    public Builder setAll(Map<String, String> values) {
      values.forEach(this::set);
      return this;
    }

    /**
     * Dry run: build and report requests, send nothing, write nothing.
     *
     * @param dryRun dry run: build and report requests, send nothing, write nothing
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** {@return the options} */
    public RunOptions build() {
      return new RunOptions(variables, dryRun);
    }

    private static String checkName(String name) {
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("variable name '" + name + "' must be letters, digits, '_' or '-'");
      }
      return name;
    }
  }
}
