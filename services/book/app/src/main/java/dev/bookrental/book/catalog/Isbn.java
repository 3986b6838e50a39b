package dev.bookrental.book.catalog;

/**
 * An ISBN, value object: accepts ISBN-13 or ISBN-10 (hyphens and spaces ignored), checks the
 * check digit, and normalizes to the 13 digits the catalog stores.
 */
public record Isbn(String value) {

    public Isbn {
        if (!isValid(value) || value.length() != 13) {
            throw new IllegalArgumentException("Not a normalized ISBN-13: " + value);
        }
    }

    public static Isbn parse(String text) {
        String digits = strip(text);
        if (!isValid(digits)) {
            throw new IllegalArgumentException("Not a valid ISBN: " + text);
        }
        return new Isbn(digits.length() == 13 ? digits : toIsbn13(digits));
    }

    /** True for a well-formed ISBN-10 or ISBN-13 with a correct check digit. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String digits = strip(text);
        return switch (digits.length()) {
            case 13 -> digits.chars().allMatch(Character::isDigit) && isbn13CheckDigit(digits) == digits.charAt(12) - '0';
            case 10 -> digits.substring(0, 9).chars().allMatch(Character::isDigit) && isbn10CheckOk(digits);
            default -> false;
        };
    }

    private static String strip(String text) {
        return text.replace("-", "").replace(" ", "").toUpperCase();
    }

    private static int isbn13CheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean isbn10CheckOk(String digits) {
        char last = digits.charAt(9);
        if (!Character.isDigit(last) && last != 'X') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        sum += last == 'X' ? 10 : last - '0';
        return sum % 11 == 0;
    }

    private static String toIsbn13(String isbn10) {
        String twelve = "978" + isbn10.substring(0, 9);
        return twelve + isbn13CheckDigit(twelve + "0");
    }
}
