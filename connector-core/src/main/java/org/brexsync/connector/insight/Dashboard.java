package org.brexsync.connector.insight;

import java.time.Instant;
import java.util.List;

/**
 * The figures of the dashboard page: users by status, cards by status and type, spend limit by
 * department, and every insight result. Immutable.
 */
public final class Dashboard {
  private final String title;
  private final Instant generatedAt;
  private final boolean oomnitza;
  private final ViewResult usersByStatus;
  private final ViewResult cardsByStatusAndType;
  private final ViewResult spendByDepartment;
  private final List<InsightResult> insights;

  Dashboard(String title, Instant generatedAt, boolean oomnitza, ViewResult usersByStatus, ViewResult cardsByStatusAndType,
      ViewResult spendByDepartment, List<InsightResult> insights) {
    this.title = title;
    this.generatedAt = generatedAt;
    this.oomnitza = oomnitza;
    this.usersByStatus = usersByStatus;
    this.cardsByStatusAndType = cardsByStatusAndType;
    this.spendByDepartment = spendByDepartment;
    this.insights = List.copyOf(insights);
  }

  /** {@return the page title} */
  public String title() {
    return title;
  }

  /** {@return when the data was read} */
  public Instant generatedAt() {
    return generatedAt;
  }

  /** {@return whether Oomnitza was joined} */
  public boolean withOomnitza() {
    return oomnitza;
  }

  /** {@return users grouped by status} */
  public ViewResult usersByStatus() {
    return usersByStatus;
  }

  /** {@return cards grouped by status and card type} */
  public ViewResult cardsByStatusAndType() {
    return cardsByStatusAndType;
  }

  /** {@return spend limits (not terminated) grouped by owner department} */
  public ViewResult spendByDepartment() {
    return spendByDepartment;
  }

  /** {@return every insight result, in rule order} */
  public List<InsightResult> insights() {
    return insights;
  }
}
