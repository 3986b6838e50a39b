package dev.bookrental.bench.eventstore;

import java.util.List;

/** Everything one run of the event store benchmark measured, in the order it was measured. */
record EventStoreRun(List<AppendResult> appends, List<ReplayResult> replays, List<LoadResult> loads) {
}
