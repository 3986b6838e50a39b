package dev.bookrental.member.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Points a member buys at once. */
record TopUpRequest(@NotNull @Min(1) @Max(PointsLedger.MAX_TOP_UP) Integer amount) {
}
