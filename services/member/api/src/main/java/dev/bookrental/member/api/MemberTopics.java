package dev.bookrental.member.api;

/** Kafka topics owned by the member service. */
public final class MemberTopics {

    /** Facts about members and their points ({@link MemberEvent}). */
    public static final String EVENTS = "member.events";

    /** Commands of the rent saga to member ({@link MemberCommand}), keyed by rental id. */
    public static final String COMMANDS = "member.commands";

    private MemberTopics() {
    }
}
