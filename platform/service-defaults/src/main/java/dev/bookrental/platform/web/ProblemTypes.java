package dev.bookrental.platform.web;

import java.net.URI;

/**
 * The stable {@code type} of every RFC 9457 problem Bookrental answers with. Clients may switch
 * on these; they never change once published. Listed in docs/patterns/problem-details.md.
 */
public final class ProblemTypes {

    public static final URI INVALID_PARAMETER = of("invalid-parameter");
    public static final URI INVALID_BODY = of("invalid-body");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    /** No access token, or one that is not valid (401, with {@code WWW-Authenticate: Bearer}). */
    public static final URI UNAUTHENTICATED = of("unauthenticated");
    /** A valid access token without the role the request needs (403). */
    public static final URI FORBIDDEN = of("forbidden");
    /** A rate limit of the gateway is used up (429, with {@code Retry-After}). */
    public static final URI TOO_MANY_REQUESTS = of("too-many-requests");
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");
    public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    /** A problem type of Bookrental's namespace, e.g. {@code urn:bookrental:problem:not-found}. */
    public static URI of(String slug) {
        return URI.create("urn:bookrental:problem:" + slug);
    }
}
