package org.brexsync.testkit;

import org.brexsync.testkit.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * What {@link SyntheticCompany} generates: the same spec always yields the same company.
 *
 * <pre>{@code CompanySpec spec = builder().seed(7).users(10_000).build();}</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class CompanySpec implements WithCompanySpec {

  /** {@return seed of every random choice} */
  @Value.Default
  public long seed() {
    return 42L;
  }

  /** {@return number of users, 1 to 1,000,000 (users are generated on demand, never all held in memory)} */
  @Value.Default
  public int users() {
    return 100;
  }

  /** {@return company legal name} */
  @Value.Default
  public String name() {
    return "Acme Corporation";
  }

  /** {@return E-mail domain of every generated user} */
  @Value.Default
  public String domain() {
    return "acme.example";
  }

  /** {@return maximum cards per user (each user gets 0 to this many)} */
  @Value.Default
  public int maxCardsPerUser() {
    return 3;
  }

  /**
   * {@return a spec with this seed and user count and defaults otherwise}
   *
   * @param seed the seed of the random source
   * @param users the number of users
   */
  public static CompanySpec of(long seed, int users) {
    return builder().seed(seed).users(users).build();
  }

  /** Rejects a spec outside the simulator's limits (users, cards per user). */
  @Value.Check
  protected void check() {
    if (users() < 1 || users() > 1_000_000) {
      throw new IllegalArgumentException("users must be within [1, 1000000]");
    }
    if (maxCardsPerUser() < 0 || maxCardsPerUser() > 10) {
      throw new IllegalArgumentException("maxCardsPerUser must be within [0, 10]");
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CompanySpec}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableCompanySpec.Builder {
    Builder() {}
  }
}
