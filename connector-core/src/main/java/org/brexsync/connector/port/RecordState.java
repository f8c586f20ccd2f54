package org.brexsync.connector.port;

import java.util.Objects;
import java.util.Optional;

/**
 * What the state store remembers of one synced record: the fingerprint of the values last written
 * (or confirmed equal), the sync-key value and the Oomnitza record's identifier.
 */
public final class RecordState {
  private final String fingerprint;
  private final String syncKey;
  private final Optional<String> targetId;

  private RecordState(String fingerprint, String syncKey, Optional<String> targetId) {
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.syncKey = Objects.requireNonNull(syncKey, "syncKey");
    this.targetId = Objects.requireNonNull(targetId, "targetId");
  }

  /**
   * A state.
   *
   * @param fingerprint the fingerprint of the mapped values last written or confirmed equal
   * @param syncKey the sync-key value in Oomnitza
   * @param targetId the Oomnitza record identifier, when known
   * @return the state
   */
  public static RecordState of(String fingerprint, String syncKey, Optional<String> targetId) {
    return new RecordState(fingerprint, syncKey, targetId);
  }

  /** {@return the fingerprint of the mapped values} */
  public String fingerprint() {
    return fingerprint;
  }

  /** {@return the sync-key value in Oomnitza} */
  public String syncKey() {
    return syncKey;
  }

  /** {@return the Oomnitza record identifier, when known} */
  public Optional<String> targetId() {
    return targetId;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordState)) {
      return false;
    }
    RecordState r = (RecordState) o;
    return r.fingerprint.equals(fingerprint) && r.syncKey.equals(syncKey) && r.targetId.equals(targetId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fingerprint, syncKey, targetId);
  }

  @Override
  public String toString() {
    return "RecordState{" + syncKey + ", " + fingerprint + targetId.map(t -> ", " + t).orElse("") + "}";
  }
}
