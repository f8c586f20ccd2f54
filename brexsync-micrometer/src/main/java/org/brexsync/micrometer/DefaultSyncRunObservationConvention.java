package org.brexsync.micrometer;

import io.micrometer.common.KeyValues;
import org.brexsync.micrometer.BrexsyncObservationDocumentation.HighCardinalityKeys;
import org.brexsync.micrometer.BrexsyncObservationDocumentation.SyncRunKeys;

/**
 * The default {@link SyncRunObservationConvention}: named {@value BrexsyncMeters#SYNC_RUN}, spans
 * named {@code sync <integration>}, tagged by integration, status and dry run.
 */
public class DefaultSyncRunObservationConvention implements SyncRunObservationConvention {
  /** The shared instance. */
  public static final DefaultSyncRunObservationConvention INSTANCE = new DefaultSyncRunObservationConvention();

  /** A convention; subclass it to add tags. */
  public DefaultSyncRunObservationConvention() {}

  @Override
  public String getName() {
    return BrexsyncMeters.SYNC_RUN;
  }

  @Override
  public String getContextualName(SyncRunContext context) {
    return "sync " + context.run().integration();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(SyncRunContext context) {
    String status = context.report().map(r -> r.status().name())
        .orElse(context.getError() != null ? "ERROR" : "UNKNOWN");
    return KeyValues.of(
        SyncRunKeys.INTEGRATION.withValue(context.run().integration()),
        SyncRunKeys.STATUS.withValue(status),
        SyncRunKeys.DRY_RUN.withValue(Boolean.toString(context.run().dryRun())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(SyncRunContext context) {
    return context.report().map(r -> KeyValues.of(HighCardinalityKeys.RUN_ID.withValue(r.runId())))
        .orElse(KeyValues.empty());
  }
}
