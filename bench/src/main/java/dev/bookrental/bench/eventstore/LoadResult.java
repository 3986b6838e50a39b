package dev.bookrental.bench.eventstore;

/** The timings of {@code RentalCards.of(memberId)} for one card, loaded along {@code path}. */
record LoadResult(LoadPath path, Timed timed) {
}
