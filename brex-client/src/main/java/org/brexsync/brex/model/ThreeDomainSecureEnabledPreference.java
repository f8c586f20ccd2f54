package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whether the 3-D Secure protocol is enabled on a card.
 *
 * <p>Brex adds enum constants without notice: values this version does not know read as
 * {@link #UNKNOWN}, which is never sent.
 */
public enum ThreeDomainSecureEnabledPreference {
  /** THREE_DOMAIN_SECURE_ENABLED. */
  THREE_DOMAIN_SECURE_ENABLED,
  /** THREE_DOMAIN_SECURE_DISABLED. */
  THREE_DOMAIN_SECURE_DISABLED,
  /** A value this client version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
