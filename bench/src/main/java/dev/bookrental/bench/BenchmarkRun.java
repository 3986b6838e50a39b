package dev.bookrental.bench;

import java.util.List;

/**
 * Everything one run measured: the CPU the system uses at rest, each route's warm-up, each backend
 * by each route with and without a token, and what each route did with a forged token.
 */
record BenchmarkRun(CpuUse atRest, List<Warmed> warmUps, List<Measurement> measurements, List<TokenCheck> tokenChecks) {

    /** CPU milliseconds one request cost the named column, beyond what it uses at rest. */
    double netCpuMsPerRequest(Measurement measurement, String column) {
        double cores = measurement.cpu().cores().get(column) - atRest.cores().get(column);
        return cores * measurement.cpu().seconds() * 1000 / measurement.result().requests();
    }
}
