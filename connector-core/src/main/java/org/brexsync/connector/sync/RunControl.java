package org.brexsync.connector.sync;

/** Lets another thread cancel a run: the run stops after the current batch and reports CANCELLED. Thread-safe. */
public final class RunControl {
  private volatile boolean cancelled;

  /** {@return a fresh control, not cancelled} */
  public static RunControl create() {
    return new RunControl();
  }

  private RunControl() {}

  /** Asks the run to stop. */
  public void cancel() {
    cancelled = true;
  }

  /** {@return whether cancellation was asked (or the calling thread is interrupted)} */
  public boolean isCancelled() {
    return cancelled || Thread.currentThread().isInterrupted();
  }
}
