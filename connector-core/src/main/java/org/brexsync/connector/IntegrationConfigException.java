package org.brexsync.connector;

import java.util.Optional;

/**
 * An integration document could not be read. The message, {@link #line()}, {@link #column()} and
 * {@link #path()} point at the offending place, e.g. {@code line 12, column 20 at mapping.rules[2].strength:
 * ...}. Never contains secret values.
 */
public class IntegrationConfigException extends ConnectorException {
  private static final long serialVersionUID = 1L;
  /** 1-based line in the document, 0 when unknown. */
  private final int line;
  /** 1-based column in the document, 0 when unknown. */
  private final int column;
  /** Path of the offending value in the document, e.g. {@code mapping.rules[2].strength}. */
  private final String path;
  /** What is wrong there. */
  private final String problem;

  /**
   * An exception about one place in a document.
   *
   * @param line the 1-based line, 0 when unknown
   * @param column the 1-based column, 0 when unknown
   * @param path the path of the value in the document, e.g. {@code mapping.rules[2].strength}
   * @param problem what is wrong there
   * @param cause the underlying failure, or null
   */
  public IntegrationConfigException(int line, int column, String path, String problem, Throwable cause) {
    super(format(line, column, path, problem), cause);
    this.line = line;
    this.column = column;
    this.path = path;
    this.problem = problem;
  }

  private static String format(int line, int column, String path, String problem) {
    StringBuilder sb = new StringBuilder("invalid integration document");
    if (line > 0) {
      sb.append(" at line ").append(line).append(", column ").append(column);
    }
    if (!path.isEmpty()) {
      sb.append(" (").append(path).append(')');
    }
    return sb.append(": ").append(problem).toString();
  }

  /** {@return 1-based line, or 0 when unknown} */
  public int line() {
    return line;
  }

  /** {@return 1-based column, or 0 when unknown} */
  public int column() {
    return column;
  }

  /** {@return the JSON path of the offending field, e.g. {@code mapping.rules[2].strength}; may be empty} */
  public String path() {
    return path;
  }

  /** {@return the problem alone, without position} */
  public String problem() {
    return problem;
  }

  /** {@return the path if known} */
  public Optional<String> pathIfKnown() {
    return path.isEmpty() ? Optional.empty() : Optional.of(path);
  }
}
