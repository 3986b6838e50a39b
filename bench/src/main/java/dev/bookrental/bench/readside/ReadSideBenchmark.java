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
 * {@value #READ_RATE}/s for {@link #READ_TIME} after a common warm-up;</li>
 * <li>the same two with every book instance killed, for {@link #DOWN_TIME} each: the detail is partial
 * (marked), the dashboard unaffected.</li>
 * </ol>
 * Prints Markdown tables and stops everything.
 */
public final class ReadSideBenchmark {

    static final int LAG_RATE = 10;
    static final Duration LAG_TIME = Duration.ofSeconds(60);
    static final int READ_RATE = 20;
    static final Duration WARM_UP = Duration.ofSeconds(90);
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
                out.printf("  warm-up: book detail and dashboard at %d/s each, top-ups at %d/s, %d s%n", READ_RATE, LAG_RATE, WARM_UP.toSeconds());
                warmUp(detail, dashboard, members, http);

                out.printf("  projection lag: top-ups at %d/s for %d s%n", LAG_RATE, LAG_TIME.toSeconds());
                ProjectionLag lag = new ProjectionLag(http);
                ProjectionLag.Result lagResult = lag.measure(members, LAG_RATE, LAG_TIME);
                Map<String, Double> ownDelay = lag.readSidesOwnDelayMillis();

                out.printf("  latency: book detail, then dashboard, %d/s for %d s each%n", READ_RATE, READ_TIME.toSeconds());
                List<Paced.Result> reads = new ArrayList<>();
                reads.add(Paced.run("book detail (composition)", READ_RATE, READ_TIME, detail));
                reads.add(Paced.run("dashboard (read side)", READ_RATE, READ_TIME, dashboard));

                out.printf("  book down: every book instance killed, then each for %d s%n", DOWN_TIME.toSeconds());
                system.instances("book").forEach(ServiceInstance::kill);
                reads.add(Paced.run("book detail (composition), book down", READ_RATE, DOWN_TIME, detail));
                reads.add(Paced.run("dashboard (read side), book down", READ_RATE, DOWN_TIME, dashboard));

                new ReadSideReport(out).print(system, lagResult, ownDelay, reads);
            }
        }
    }

    /** Both reads and the writes together, as measured later: connections, caches and the JIT warmed. */
    private static void warmUp(Callable<String> detail, Callable<String> dashboard, List<SignedInUser> members, HttpClient http)
            throws InterruptedException {
        List<Thread> loads = List.of(
                Thread.ofVirtual().start(() -> quietly(() -> Paced.run("warm-up detail", READ_RATE, WARM_UP, detail))),
                Thread.ofVirtual().start(() -> quietly(() -> Paced.run("warm-up dashboard", READ_RATE, WARM_UP, dashboard))),
                Thread.ofVirtual().start(() -> quietly(() -> new ProjectionLag(http).measure(members, LAG_RATE, WARM_UP))));
        for (Thread load : loads) {
            load.join();
        }
    }

    /**
     * Waits until three quarters of the cores are idle for 3 s in a row (at most {@link #QUIET_LIMIT}):
     * right after a boot the JVMs still compile, and the first sign-in through the gateway then took
     * longer than the gateway's 5 s time limit (504, 22:07 UTC run of 2026-11-26).
     */
    private static void awaitQuietMachine(RunningSystem system, PrintStream out) throws InterruptedException {
        CpuMeter cpu = new CpuMeter(system, List.of());
        double quietIdle = 0.75 * Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() - start < QUIET_LIMIT.toNanos()) {
            CpuMeter.Snapshot second = cpu.snapshot();
            Thread.sleep(1000);
            quietSeconds = cpu.since(second).cores().get("idle") >= quietIdle ? quietSeconds + 1 : 0;
        }
        out.printf("  machine quiet after %.0f s%s%n", (System.nanoTime() - start) / 1e9,
                quietSeconds < 3 ? " (limit reached: still busy)" : "");
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

    /** "answered 503: …" → "503"; "no answer within 1500 ms" → "timeout"; else the reason. */
    private static String shortReason(String reason) {
        if (reason.startsWith("answered ")) {
            return reason.substring("answered ".length(), reason.indexOf(':') < 0 ? reason.length() : reason.indexOf(':'));
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
