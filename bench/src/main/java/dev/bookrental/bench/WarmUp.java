package dev.bookrental.bench;

import java.time.Duration;

/**
 * How a route is warmed up before it is measured: rounds of load on {@code connections}, until the
 * JIT of the JVMs on the route (book; gateway and book) is done — a round compiled fewer than
 * {@code quietCompilations} methods — but at least {@code min} and at most {@code max}.
 *
 * <p>Why until the JIT is done and not for a fixed time: on two cores HotSpot has one C2 compiler
 * thread, and the gateway's hot path (Reactor, Reactor Netty, Spring Cloud Gateway, Micrometer)
 * is thousands of methods. Measured: after 30 s the gateway still ran much of it as profiled C1
 * code (3,149 methods at tier 2 and 4,772 at tier 3 in use, 3,281 at tier 4) and compiled 100–250
 * methods per 10 s under load; it took two to four more minutes until a round compiled only the
 * trickle a JVM always compiles (20–70 per 10 s), and its CPU per proxied request fell by a fifth
 * meanwhile. A production gateway runs for days: the steady state is what is worth measuring.
 */
public record WarmUp(int connections, Duration round, Duration min, Duration max, int quietCompilations) {

    Load roundLoad(int threads) {
        return new Load(threads, connections, round);
    }
}
