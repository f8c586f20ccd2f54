package org.brexsync.brex.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of this module. Immutables stays an implementation detail of brexsync:
 *
 * <ul>
 *   <li>the generated {@code ImmutableX} classes and their builders are package-private; users name
 *       only the public abstract value type {@code X}, its {@code X.builder()} and the public nested
 *       {@code X.Builder} that extends the generated builder (Immutables' "extending builder"), whose
 *       setters return {@code X.Builder} and whose {@code build()} returns {@code X}
 *       ({@code overshadowImplementation});
 *   <li>no annotation from Immutables' jar is written into the class files
 *       ({@code allowedClasspathAnnotations} lists only {@link Override}, which the generator never puts
 *       on a type): Immutables is a compile-time-only dependency, so a consumer compiling with
 *       {@code -Xlint:all -Werror} would otherwise be warned that {@code org.immutables.value.Generated}
 *       is missing;
 *   <li>{@code copy} with {@code typeWith}: every value type implements the generated, package-private
 *       {@code WithX} interface, so {@code x.withY(..)} copies are public methods of {@code X} that
 *       return {@code X}; {@code X.builder().from(x)} starts a builder from a value.
 * </ul>
 * <p>A builder with a required attribute unset throws {@link MissingAttributes}, which the public
 * {@code Builder} of every value type turns into one {@code BrexValidationException} naming each
 * missing attribute by its JSON name ({@link RequiredAttributes}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = true),
    typeWith = "With*",
    optionalAcceptNullable = true,
    allowedClasspathAnnotations = {Override.class},
    throwForInvalidImmutableState = MissingAttributes.class,
    redactedMask = "****")
public @interface ValueStyle {}
