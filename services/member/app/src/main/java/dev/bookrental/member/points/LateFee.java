package dev.bookrental.member.points;

/** A late fee a member owes for a returned rental. */
record LateFee(String rentalId, String memberId, int fee) {
}
