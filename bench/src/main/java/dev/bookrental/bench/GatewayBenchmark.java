package dev.bookrental.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.RunningSystem;

/**
 * Measures every backend of a plan direct and through the gateway, one after the other in the
 * same running system, with identical wrk settings: both routes warmed up first, then both
 * measured while the CPU meter watches; then the same again with every request carrying a
 * member's access token ({@link Token}), which costs a JWT validation in the gateway and in book.
 * The CPU the system uses at rest is measured first.
 *
 * <p>Before the rows with a token the benchmark checks that each route accepts the member's token
 * (200), and whether the gateway and book refuse a forged one on an open path ({@link TokenCheck}).
 * The member signs in again just before those rows are measured (the token lives 5 minutes) and,
 * between warm-up rounds, whenever its token is {@link SignedInUser#MAX_AGE} old: never during a
 * wrk run.
 *
 * <p>Before the measurement at rest, and between warm-up and measurement, the benchmark waits for
 * gateway and book to settle: the JIT keeps compiling for a while after the start and after a
 * warm-up (measured: C2 busy for 10–20 s on the gateway), and measuring meanwhile charged that work
 * to the first route measured, or to the system "at rest".
 */
final class GatewayBenchmark {

    /** The gateway learns of book through Eureka and its load-balancer cache: allow it a moment. */
    private static final Duration ROUTE_READY = Duration.ofSeconds(60);
    /** How long the system's CPU use at rest (heartbeats, pollers, span export) is measured first. */
    private static final Duration AT_REST = Duration.ofSeconds(10);
    /** Settled: gateway and book together use at most this much CPU, 3 seconds in a row. */
    private static final double SETTLED_CORES = 0.25; // their heartbeats, pollers and relays take 0.1–0.2
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Wrk wrk;
    private final RunningSystem system;
    private final CpuMeter cpu;
    private final SignedInUser member;
    private final PrintStream out;

    /** @param member whose token the rows with a token carry */
    GatewayBenchmark(Wrk wrk, RunningSystem system, CpuMeter cpu, SignedInUser member, PrintStream out) {
        this.wrk = wrk;
        this.system = system;
        this.cpu = cpu;
        this.member = member;
        this.out = out;
    }

    BenchmarkRun run(Plan plan) throws IOException, InterruptedException {
        settle();
        out.printf("  measuring the system at rest %d s%n", AT_REST.toSeconds());
        CpuMeter.Snapshot rest = cpu.snapshot();
        Thread.sleep(AT_REST);
        CpuUse atRest = cpu.since(rest);
        List<Warmed> warmUps = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<TokenCheck> tokenChecks = new ArrayList<>();
        if (plan.tokens().contains(Token.MEMBER)) {
            // An open path the gateway answers itself: a 401 there is the gateway's, not book's behind it.
            tokenChecks.add(checkForgedToken("gateway", baseUrl("gateway") + "/actuator/health"));
        }
        for (Backend backend : plan.backends()) {
            for (Route route : Route.values()) {
                String url = url(route, backend);
                Health.await(route.label() + " " + url, ROUTE_READY, null, () -> Health.httpOk(url, body -> true));
            }
            for (Token token : plan.tokens()) {
                if (token == Token.MEMBER) {
                    for (Route route : Route.values()) {
                        requireAccepted(url(route, backend));
                    }
                    tokenChecks.add(checkForgedToken("book", url(Route.DIRECT, backend)));
                }
                for (Route route : Route.values()) {
                    warmUps.add(warmUp(plan, backend, route, token));
                }
                if (token == Token.MEMBER) {
                    member.signInAgain(); // a fresh token for the measurements, before the system settles
                }
                settle();
                for (Route route : Route.values()) {
                    out.printf("  measuring   %-36s %-8s %d s", token.label(backend), route.label(), plan.measured().toSeconds());
                    List<String> headers = headers(token);
                    CpuMeter.Snapshot start = cpu.snapshot();
                    WrkResult result = wrk.run(url(route, backend), backend.requestHook(), plan.measuredLoad(backend), headers);
                    measurements.add(new Measurement(backend, route, token, result, cpu.since(start)));
                    out.printf(": %.0f requests/s, p99 %.1f ms%n", result.requestsPerSecond(), result.p99Ms());
                }
            }
        }
        return new BenchmarkRun(atRest, warmUps, measurements, tokenChecks);
    }

    /** The headers of wrk's requests: the member's access token, or none. */
    private List<String> headers(Token token) {
        return token == Token.MEMBER ? List.of("Authorization: " + member.bearer()) : List.of();
    }

    /** The rows with a token measure nothing but errors unless the route accepts the member's token. */
    private void requireAccepted(String url) throws IOException, InterruptedException {
        int status = status(url, member.accessToken());
        if (status != 200) {
            throw new IllegalStateException(url + " answered " + status + " to a member's valid access token");
        }
    }

    /** Sends the member's token with its signature broken to an open path {@code service} answers itself. */
    private TokenCheck checkForgedToken(String service, String url) throws IOException, InterruptedException {
        TokenCheck check = new TokenCheck(service, url, status(url, brokenSignature(member.accessToken())));
        out.printf("  token check %s %s: a forged token got %d%n", service, url, check.forgedTokenStatus());
        return check;
    }

    private int status(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The token with the first character of its signature changed: header and claims intact (the
     * same {@code kid}, so no JWK set is fetched again), the signature no longer theirs.
     */
    static String brokenSignature(String jwt) {
        int signature = jwt.lastIndexOf('.') + 1;
        char replacement = jwt.charAt(signature) == 'A' ? 'B' : 'A';
        return jwt.substring(0, signature) + replacement + jwt.substring(signature + 1);
    }

    /**
     * Loads the route in rounds until the JIT of the JVMs it goes through is done with it (see
     * {@link WarmUp}), printing each round's compilations.
     */
    private Warmed warmUp(Plan plan, Backend backend, Route route, Token token) throws IOException, InterruptedException {
        WarmUp warmUp = plan.warmUp();
        List<Long> pids = route.services().stream().map(this::pid).toList();
        out.printf("  warming up  %-36s %-8s on %d connections, compilations per %d s:", token.label(backend), route.label(),
                warmUp.connections(), warmUp.round().toSeconds());
        List<Long> rounds = new ArrayList<>();
        long start = System.nanoTime();
        boolean done = false;
        Duration elapsed = Duration.ZERO;
        while (!done && elapsed.compareTo(warmUp.max()) < 0) {
            long before = JitCompilations.total(pids);
            wrk.run(url(route, backend), backend.requestHook(), plan.warmUpRound(), headers(token));
            long compiled = JitCompilations.total(pids) - before;
            rounds.add(compiled);
            out.printf(" %d", compiled);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            done = elapsed.compareTo(warmUp.min()) >= 0 && compiled < warmUp.quietCompilations();
        }
        out.printf("%n    %s after %d s%n", done ? "JIT done" : "limit reached, JIT still compiling", elapsed.toSeconds());
        return new Warmed(backend, route, token, elapsed, rounds, done);
    }

    private long pid(String service) {
        return system.processes().stream().filter(row -> row.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No running " + service)).pid();
    }

    /** Waits until gateway and book are idle (their compilations done), at most {@link #SETTLE_LIMIT}. */
    private void settle() throws InterruptedException {
        CpuMeter.Quiet settled = cpu.awaitQuiet(cores -> cores.get("gateway") + cores.get("book") <= SETTLED_CORES, SETTLE_LIMIT);
        out.printf("  settled after %s%n", settled);
    }

    private String url(Route route, Backend backend) {
        return baseUrl(route.service()) + backend.path();
    }

    private String baseUrl(String service) {
        return system.instances(service).getFirst().baseUrl();
    }
}
