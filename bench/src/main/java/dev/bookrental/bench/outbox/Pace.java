package dev.bookrental.bench.outbox;

/**
 * How fast a round sends, as the time each message is due: all at once (throughput at
 * saturation), or on a fixed schedule (latency at a realistic load, where queues are short).
 *
 * <p>A message's end-to-end latency counts from the moment it was due, not from the moment a
 * sender thread took it: wherever the queue forms (in front of the sender threads, in the
 * producer's buffer, in the outbox table), it is inside the measurement, for both ways alike,
 * and a backlog shows in the latency instead of slowing the schedule down (no coordinated omission).
 */
sealed interface Pace {

    String label();

    /** When message {@code index} (from 0) is due, in {@link System#nanoTime()} of a round started at {@code startNanos}. */
    long dueNanos(long startNanos, int index);

    /** A burst: every message due at the start, handed to the sender threads at once. */
    record Saturation() implements Pace {

        @Override
        public String label() {
            return "saturation";
        }

        @Override
        public long dueNanos(long startNanos, int index) {
            return startNanos;
        }
    }

    /** One message every 1/{@code perSecond} s. */
    record Fixed(int perSecond) implements Pace {

        private static final long NANOS_PER_SECOND = 1_000_000_000L;

        public Fixed {
            if (perSecond <= 0) {
                throw new IllegalArgumentException("A rate must be positive: " + perSecond);
            }
        }

        @Override
        public String label() {
            return "paced " + perSecond + "/s";
        }

        @Override
        public long dueNanos(long startNanos, int index) {
            return startNanos + index * NANOS_PER_SECOND / perSecond;
        }
    }
}
