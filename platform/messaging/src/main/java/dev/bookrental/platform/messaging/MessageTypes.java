package dev.bookrental.platform.messaging;

import java.util.Optional;

/**
 * Names of message types: the simple name of the payload record, so that a consumer can pick the
 * record of a sealed event family by the {@code message-type} header.
 */
public final class MessageTypes {

    private MessageTypes() {
    }

    /** The stable name of a payload type, sent as the {@code message-type} header. */
    public static String nameOf(Class<?> payloadType) {
        return payloadType.getSimpleName();
    }

    /** The schema version of a payload type, sent as the {@code schema-version} header. */
    public static int schemaVersionOf(Class<?> payloadType) {
        SchemaVersion version = payloadType.getAnnotation(SchemaVersion.class);
        return version == null ? 1 : version.value();
    }

    /**
     * The concrete record to read a payload into: the declared type itself when it is concrete, or
     * the permitted subtype of a sealed family whose name is {@code typeName}.
     */
    public static Class<?> resolve(Class<?> declared, String typeName) {
        if (!declared.isSealed()) {
            return declared;
        }
        return find(declared, typeName).orElseThrow(() -> new PoisonMessageException(
                "No subtype named '" + typeName + "' in the sealed family " + declared.getName()));
    }

    private static Optional<Class<?>> find(Class<?> family, String typeName) {
        for (Class<?> subtype : family.getPermittedSubclasses()) {
            if (nameOf(subtype).equals(typeName)) {
                return Optional.of(subtype);
            }
            if (subtype.isSealed()) {
                Optional<Class<?>> nested = find(subtype, typeName);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
