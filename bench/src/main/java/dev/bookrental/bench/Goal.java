package dev.bookrental.bench;

/** A target for one ratio: at least the limit when higher is better, at most it otherwise. */
record Goal(Ratio ratio, double limit) {

    boolean isMet(double value) {
        return ratio.higherIsBetter() ? value >= limit : value <= limit;
    }

    String describe() {
        return (ratio.higherIsBetter() ? "≥ " : "≤ ") + limit + "×";
    }
}
