/**
 * Immutable request and response types of the Brex Team API, with JSON names taken from the
 * Brex OpenAPI spec. Optional values are {@link java.util.Optional}; fields of partial updates
 * that distinguish "leave unchanged" from "set to null" are {@link org.brexsync.brex.model.Patch}.
 */
@ValueStyle
package org.brexsync.brex.model;

import org.brexsync.brex.internal.ValueStyle;
