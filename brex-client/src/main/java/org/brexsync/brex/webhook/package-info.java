/** Brex webhook signature verification and typed webhook events. */
@ValueStyle
package org.brexsync.brex.webhook;

import org.brexsync.brex.internal.ValueStyle;
