package org.brexsync.connector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.brexsync.connector.internal.Json;

/**
 * Reads and writes integration documents (JSON). Reading is strict: unknown fields, wrong types, bad
 * enum values, invalid rules and inline secrets are rejected with an {@link IntegrationConfigException}
 * that points at the line, column and JSON path. Writing then reading gives an equal {@link Integration}.
 */
public final class IntegrationJson {
  private static final Set<String> SECRET_NAMES =
      Set.of("token", "apitoken", "api_token", "apikey", "api_key", "password", "secret", "clientsecret", "client_secret", "authorization");

  private static final ObjectMapper MAPPER =
      Json.mapper().copy().addHandler(new SecretGuard()).enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectReader READER =
      MAPPER.readerFor(Integration.class).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The values whose document position validation may name. */
  private static final java.util.regex.Pattern POSITIONED = java.util.regex.Pattern.compile("/mapping/rules/\\d+/source|/filters/\\d+/field");

  private IntegrationJson() {}

  /**
   * Reads a document. The integration remembers where the document put each rule's {@code source}
   * and each filter's {@code field}, so {@link Integration#validate()} names the line and column of
   * an unknown Brex user path (the integration is then DRAFT, and can still be read and fixed).
   *
   * @param json the JSON text
   * @return the integration read
   */
  public static Integration read(String json) {
    Integration in;
    try {
      in = READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw translate(e);
    }
    in.documentPositions(positions(json));
    return in;
  }

  /** Line and column of every rule source and filter field, by JSON pointer. */
  private static java.util.Map<String, String> positions(String json) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      com.fasterxml.jackson.core.JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          String pointer = p.getParsingContext().pathAsPointer().toString();
          if (POSITIONED.matcher(pointer).matches()) {
            JsonLocation loc = p.currentTokenLocation();
            out.put(pointer, "line " + loc.getLineNr() + ", column " + loc.getColumnNr());
          }
        }
      }
    } catch (IOException e) {
      // already read successfully once: positions are a courtesy, never a reason to fail
    }
    return out;
  }

  /**
   * Reads a document file (UTF-8).
   *
   * @param file the file
   * @return the integration read
   */
  public static Integration read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read integration document " + file, e);
    }
  }

  /**
   * Writes a document (pretty-printed, stable field order).
   *
   * @param integration the integration
   * @return the string
   */
  public static String write(Integration integration) {
    try {
      return MAPPER.writeValueAsString(integration);
    } catch (JsonProcessingException e) {
      throw new ConnectorException("cannot write integration document", e);
    }
  }

  private static IntegrationConfigException translate(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    int col = loc == null ? 0 : loc.getColumnNr();
    String path = "";
    String problem = e.getOriginalMessage();
    if (e instanceof JsonMappingException) {
      path = path(((JsonMappingException) e).getPath());
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root instanceof IllegalStateException || root instanceof IllegalArgumentException) {
        problem = root.getMessage();
      }
      if (e instanceof UnrecognizedPropertyException) {
        UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
        problem = "unknown field '" + u.getPropertyName() + "'" + known(u.getKnownPropertyIds());
      }
    }
    problem = cleanup(problem);
    return new IntegrationConfigException(line, col, path, problem, null);
  }

  private static String known(java.util.Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    return "; known fields: " + ids.stream().map(String::valueOf).sorted().reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static String cleanup(String problem) {
    if (problem == null) {
      return "malformed document";
    }
    // Jackson names generated classes ("ImmutableMappingRule$Json"): show the public type instead.
    return problem.replaceAll("org\\.brexsync\\.connector\\.[a-z.]*Immutable(\\w+)(\\$\\w+)?", "$1")
        .replaceAll("`", "'");
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** Rejects inline secrets with a message that never echoes the value. */
  private static final class SecretGuard extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      if (SECRET_NAMES.contains(propertyName.toLowerCase(Locale.ROOT))) {
        throw JsonMappingException.from(
            p, "inline secret '" + propertyName + "' is not allowed: put the token in an environment variable and name it with \"tokenEnv\"");
      }
      return false;
    }
  }
}
