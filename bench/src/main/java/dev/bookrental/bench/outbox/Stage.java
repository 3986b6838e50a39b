package dev.bookrental.bench.outbox;

/**
 * One step of the plan, run once each way (plain, then outbox) with the same messages.
 *
 * @param messages how many messages each way sends
 * @param reported false for a warm-up: run and checked like the others, but not in the report
 */
record Stage(String name, Pace pace, int messages, boolean reported) {
}
