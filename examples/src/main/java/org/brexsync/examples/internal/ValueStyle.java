package org.brexsync.examples.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of this module (identical in every brexsync module). {@code isSetOnBuilder}
 * generates {@code *IsSet()} on builders, so a builder can report missing required attributes as the
 * module's typed validation error instead of Immutables' {@code IllegalStateException}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true),
    optionalAcceptNullable = true,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    isSetOnBuilder = true,
    redactedMask = "****")
public @interface ValueStyle {}
