package dev.bookrental.bench.readside;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.bench.Machine;
import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.OnOneBoot;
import dev.bookrental.bench.SignedInUser;
import dev.bookrental.bench.saga.Library;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import dev.bookrental.launcher.SystemTopology;

/**
 * The read side against API composition ({@code ./bookrental bench readside}, see bench/README.md).
 * Boots the whole system once with the profile {@code bench} under .run/bench, then measures, through
 * the gateway on 127.0.0.1:
 * <ol>
 * <li>the projection lag under a steady load: points top-ups at {@value #LAG_RATE}/s for
 * {@link #LAG_TIME}, each from its 200 to the moment the member's dashboard shows it ({@link ProjectionLag});</li>
 * <li>the latency of a book's detail composed by bff-web from four calls (a signed-in member's
 * session) and of the member's dashboard, one query of the read side, each alone at
 * 5/s and at 20/s ({@link #READ_RATES}) for {@link #READ_TIME} after a common warm-up;</li>
 * <li>the same two with every book instance killed, for {@link #DOWN_TIME} each: the detail is partial
 * (marked), the dashboard unaffected.</li>
 * </ol>
 * Around each phase, and at rest before them, it measures the CPU of every process ({@link CpuByPhase}):
 * which component a load saturates, and what one request of each kind costs the whole system. After
 * the warm-up it waits for a quiet machine again, so the lag is not measured on the warm-up's backlog.
 * Prints Markdown tables and stops everything.
 */
public final class ReadSideBenchmark {

    static final int LAG_RATE = 10;
    static final Duration LAG_TIME = Duration.ofSeconds(60);
    /**
     * The reads' rates: a light load, where latency is the pattern's own, and 20/s, where a detail's
     * CPU (about 50 ms of the whole system's on C1, 8 times a dashboard's: 01:14 UTC run of
     * 2026-11-27) makes the composition the machine's bottleneck.
     */
    static final int[] READ_RATES = {5, 20};
    /** The warm-up's rate of each read, and the reads' rate with book down. */
    static final int READ_RATE = 20;
    static final int DOWN_RATE = READ_RATE;
    static final Duration WARM_UP = Duration.ofSeconds(90);
    static final Duration AT_REST = Duration.ofSeconds(10);
    static final Duration READ_TIME = Duration.ofSeconds(60);
    static final Duration DOWN_TIME = Duration.ofSeconds(20);
    /** Members writing in turn: at 10 top-ups/s each writes once a second. */
    static final int MEMBERS = 10;
    /** The longest the benchmark waits for the machine to become quiet after the boot. */
    static final Duration QUIET_LIMIT = Duration.ofMinutes(3);

    private ReadSideBenchmark() {
    }

    public static void run(Path home, PrintStream out) throws Exception {
        OnOneBoot.run(home, SystemTopology.bookrental(), List.of("bench"), out, system -> measure(system, out));
    }

    private static void measure(RunningSystem system, PrintStream out) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        try (Library library = new Library();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()) {
            Health.await("the gateway's routes", Duration.ofSeconds(60), null, () ->
                    Health.httpOk(ProjectionLag.GATEWAY + "/api/books", body -> true)
                            && Health.httpOk(ProjectionLag.GATEWAY + "/api/best-books", body -> true));
            awaitQuietMachine(system, out);
            out.printf("  preparing %d members, a book, a rent and a browser session at bff-web%n", MEMBERS);
            List<SignedInUser> members = new ArrayList<>();
            List<Library.Credentials> credentials = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                Library.Credentials account = Library.Credentials.random("readside-bench");
                credentials.add(account);
                members.add(library.registeredMember(account, 1_000));
            }
            SignedInUser reader = members.getFirst();
            long book = library.addBook(library.librarian(), "Read Side Bench " + UUID.randomUUID().toString().substring(0, 8), 3);
            String rentalId = library.rent(reader, book);
            Health.await("the rent's saga", Duration.ofSeconds(30), null, () -> rentEnded(library, reader, rentalId));
            Health.await("the read side's views of the members", Duration.ofSeconds(60), null, () ->
                    members.stream().allMatch(member -> readSideKnows(http, member)));

            try (WebSession browser = WebSession.signIn(credentials.getFirst().username(), credentials.getFirst().password())) {
                Callable<String> detail = () -> detail(browser, json, book);
                Callable<String> dashboard = () -> dashboard(http, reader);
                CpuByPhase cpu = new CpuByPhase(system);
                // Registrations, the rent and the sign-in leave work behind (outbox relays, consumers,
                // compilations): measured at once, "at rest" was 1.33 cores (01:41 UTC run of 2026-11-27).
                awaitQuietMachine(system, out);
                cpu.measureAtRest(AT_REST.toMillis());
                out.printf("  warm-up: book detail and dashboard at %d/s each, top-ups at %d/s, %d s%n", READ_RATE, LAG_RATE, WARM_UP.toSeconds());
                cpu.measure("warm-up, all at once", 0, () -> warmUp(detail, dashboard, members, http));
                awaitQuietMachine(system, out);

                out.printf("  projection lag: top-ups at %d/s for %d s%n", LAG_RATE, LAG_TIME.toSeconds());
                ProjectionLag lag = new ProjectionLag(http);
                ProjectionLag.Result lagResult = cpu.measure("projection lag (top-ups and polls)", 0,
                        () -> lag.measure(members, LAG_RATE, LAG_TIME));
                Map<String, Double> ownDelay = lag.readSidesOwnDelayMillis();

                List<Paced.Result> reads = new ArrayList<>();
                for (int rate : READ_RATES) {
                    out.printf("  latency: book detail, then dashboard, %d/s for %d s each%n", rate, READ_TIME.toSeconds());
                    reads.add(measured(system, cpu, "book detail (composition)", rate, READ_TIME, detail, out));
                    reads.add(measured(system, cpu, "dashboard (read side)", rate, READ_TIME, dashboard, out));
                }

                out.printf("  book down: every book instance killed, then each at %d/s for %d s%n", DOWN_RATE, DOWN_TIME.toSeconds());
                system.instances("book").forEach(ServiceInstance::kill);
                reads.add(measured(system, cpu, "book detail (composition), book down", DOWN_RATE, DOWN_TIME, detail, out));
                reads.add(measured(system, cpu, "dashboard (read side), book down", DOWN_RATE, DOWN_TIME, dashboard, out));

                new ReadSideReport(out).print(system, lagResult, ownDelay, reads);
                cpu.print(out);
            }
        }
    }

    /**
     * One read alone, from a quiet machine: the phase before leaves work behind (the lag's 600 top-ups
     * are consumed by rental too), which the 01:57 UTC run of 2026-11-27 charged to the next read.
     */
    private static Paced.Result measured(RunningSystem system, CpuByPhase cpu, String name, int rate, Duration time,
            Callable<String> request, PrintStream out) throws Exception {
        awaitQuietMachine(system, out);
        return cpu.measure(name + ", " + rate + "/s", rate, () -> Paced.run(name, rate, time, request));
    }

    /** Both reads and the writes together, as measured later: connections, caches and the JIT warmed. */
    private static Void warmUp(Callable<String> detail, Callable<String> dashboard, List<SignedInUser> members, HttpClient http)
            throws InterruptedException {
        List<Thread> loads = List.of(
                Thread.ofVirtual().start(() -> quietly(() -> Paced.run("warm-up detail", READ_RATE, WARM_UP, detail))),
                Thread.ofVirtual().start(() -> quietly(() -> Paced.run("warm-up dashboard", READ_RATE, WARM_UP, dashboard))),
                Thread.ofVirtual().start(() -> quietly(() -> new ProjectionLag(http).measure(members, LAG_RATE, WARM_UP))));
        for (Thread load : loads) {
            load.join();
        }
        return null;
    }

    /**
     * Waits until 55 % of the cores are idle for 3 s in a row (at most {@link #QUIET_LIMIT}):
     * right after a boot the JVMs still compile, and the first sign-in through the gateway then took
     * longer than the gateway's 5 s time limit (504, 22:07 UTC run of 2026-11-26). After the warm-up the
     * read side may still be working through the events of its load.
     */
    private static void awaitQuietMachine(RunningSystem system, PrintStream out) throws InterruptedException {
        // The whole system at rest uses 0.6–0.7 of the 2 cores (01:14 UTC run of 2026-11-27), so
        // "three quarters idle" was never reached: 55 % idle is quiet for this system.
        double quietIdle = 0.55 * Runtime.getRuntime().availableProcessors();
        CpuMeter.Quiet quiet = new CpuMeter(system, List.of()).awaitQuiet(cores -> cores.get("idle") >= quietIdle, QUIET_LIMIT);
        out.printf("  machine quiet after %s%n", quiet);
    }

    private static String detail(WebSession browser, JsonMapper json, long book) throws Exception {
        HttpResponse<String> answer = browser.get("/api/books/" + book);
        if (answer.statusCode() != 200) {
            return Integer.toString(answer.statusCode());
        }
        JsonNode detail = json.readTree(answer.body());
        if (!detail.get("partial").asBoolean()) {
            return "200";
        }
        List<String> missing = new ArrayList<>();
        detail.get("parts").properties().forEach(part -> {
            if ("UNAVAILABLE".equals(part.getValue().get("status").asString())) {
                missing.add(part.getKey() + " " + shortReason(part.getValue().get("reason").asString()));
            }
        });
        return "200 partial (" + String.join(", ", missing) + ")";
    }

    /**
     * "answered 503: …" → "503"; "no answer within 1500 ms" → "timeout"; "book not called: Bulkhead …"
     * → "not called, bulkhead full"; else the reason.
     */
    private static String shortReason(String reason) {
        if (reason.startsWith("answered ")) {
            return reason.substring("answered ".length(), reason.indexOf(':') < 0 ? reason.length() : reason.indexOf(':'));
        }
        if (reason.contains(" not called: ")) { // bff-web's own refusal: Resilience4j's message names the reason
            return reason.contains("Bulkhead") ? "not called, bulkhead full" : "not called, breaker open";
        }
        return reason.startsWith("no answer within") ? "timeout" : reason;
    }

    private static String dashboard(HttpClient http, SignedInUser member) throws Exception {
        return Integer.toString(http.send(HttpRequest.newBuilder(URI.create(ProjectionLag.GATEWAY + "/api/members/me/dashboard"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", member.bearer()).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private static boolean rentEnded(Library library, SignedInUser member, String rentalId) {
        try {
            JsonNode rental = library.rental(member, rentalId);
            return !"PENDING".equals(rental.get("status").asString());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean readSideKnows(HttpClient http, SignedInUser member) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(ProjectionLag.READ_SIDE + "/api/members/me/dashboard"))
                    .header("Authorization", member.bearer()).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void quietly(Callable<?> load) {
        try {
            load.call();
        } catch (Exception e) {
            throw new IllegalStateException("Warm-up failed: " + e, e);
        }
    }

    static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    static String machine(RunningSystem system) {
        return "%d cores, %s; Java %s; services: %s".formatted(Runtime.getRuntime().availableProcessors(), Machine.cpuModel(),
                Runtime.version(), Machine.jit(system));
    }
}
