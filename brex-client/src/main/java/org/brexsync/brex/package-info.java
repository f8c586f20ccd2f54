/**
 * Java client for the Brex Team API: start with {@link org.brexsync.brex.BrexClient#builder()}.
 */
@ValueStyle
package org.brexsync.brex;

import org.brexsync.brex.internal.ValueStyle;
