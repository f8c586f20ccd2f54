package org.brexsync.connector.insight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.record.FieldPath;
import org.immutables.value.Value;

/**
 * A list view (and report definition) as data: which rows ({@link RowSource}), which columns,
 * filters in the sync filter language, sort, grouping with subtotals, and an optional row limit.
 *
 * <pre>{@code
 * {"name":"active-cards-by-department","title":"Active cards by department","source":"CARDS",
 *  "columns":[{"field":"user.email","label":"Owner"},
 *             {"field":"spend_controls.spend_limit","label":"Limit","format":"MONEY","aggregate":"SUM"}],
 *  "filters":[{"field":"status","operator":"IN","values":["ACTIVE"]}],
 *  "sort":[{"field":"user.email"}], "groupBy":["user.department.name"]}
 * }</pre>
 *
 * <p>Memory while a view is evaluated is bounded by its output shape: an unsorted, ungrouped view is
 * streamed (no rows held); a sorted view with a {@code limit} holds at most {@code limit} rows; a
 * grouped view with {@code details:false} holds one small state per group; a sorted view without a
 * limit, or a grouped view with details, holds its matching rows (it is a report of them).
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableListView.class)
@JsonDeserialize(as = ImmutableListView.class)
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public abstract class ListView implements WithListView {

  /** {@return the view's name, used on the command line ({@code brexsync report NAME})} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return a human title; defaults to the name} */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** {@return what the view answers, shown under the title} */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** {@return the rows listed} */
  @JsonProperty("source")
  @Value.Default
  public RowSource source() {
    return RowSource.USERS;
  }

  /** {@return the columns, in order (at least one)} */
  @JsonProperty("columns")
  public abstract List<Column> columns();

  /** {@return filter rules; a row is listed when every rule accepts it} */
  @JsonProperty("filters")
  public abstract List<FilterRule> filters();

  /** {@return sort keys, most significant first (within each group when grouped)} */
  @JsonProperty("sort")
  public abstract List<SortKey> sort();

  /** {@return field paths grouped on; groups are listed in ascending order of their key} */
  @JsonProperty("groupBy")
  public abstract List<String> groupBy();

  /** {@return for grouped views: true to list the rows under each group, false for one line per group} */
  @JsonProperty("details")
  @Value.Default
  public boolean details() {
    return true;
  }

  /** {@return at most this many rows (ungrouped views; first rows by the sort)} */
  @JsonProperty("limit")
  public abstract Optional<Integer> limit();

  /** {@return the title, or the name} */
  public String heading() {
    return title().orElse(name());
  }

  /** {@return the filter of this view's rules} */
  @JsonIgnore
  @Value.Derived
  public RecordFilter filter() {
    return RecordFilter.of(filters());
  }

  /** {@return the first names of every path the view reads (columns, filters, sort, grouping)} */
  @JsonIgnore
  @Value.Derived
  public Set<String> referencedHeads() {
    Set<String> s = new LinkedHashSet<>();
    for (Column c : columns()) {
      s.add(FieldPath.parse(c.field()).head());
      c.currencyField().ifPresent(f -> s.add(FieldPath.parse(f).head()));
    }
    filters().forEach(f -> s.add(FieldPath.parse(f.field()).head()));
    sort().forEach(k -> s.add(FieldPath.parse(k.field()).head()));
    groupBy().forEach(g -> s.add(FieldPath.parse(g).head()));
    return s;
  }

  /** {@return a view builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a view from JSON; unknown properties are errors so that typos do not pass silently.
   *
   * @param json the JSON text
   * @return the list view read
   * @throws IllegalArgumentException naming the problem
   */
  public static ListView fromJson(String json) {
    try {
      return Json.mapper().readValue(json, ListView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid list view JSON: " + e.getOriginalMessage(), e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("invalid list view: " + e.getMessage(), e);
    }
  }

  /** {@return this view as JSON} */
  public String toJson() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalStateException("a list view needs a name");
    }
    if (columns().isEmpty()) {
      throw new IllegalStateException("list view '" + name() + "' needs at least one column");
    }
    groupBy().forEach(FieldPath::parse);
    limit().ifPresent(l -> {
      if (l < 1) {
        throw new IllegalStateException("list view '" + name() + "': limit must be >= 1");
      }
    });
  }

  /**
   * Builder of {@link ListView}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableListView.Builder {
    Builder() {}
  }
}
