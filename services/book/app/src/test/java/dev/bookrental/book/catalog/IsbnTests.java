package dev.bookrental.book.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IsbnTests {

    @Test
    void acceptsIsbn13WithOrWithoutHyphens() {
        assertThat(Isbn.parse("978-0-441-17271-9").value()).isEqualTo("9780441172719");
        assertThat(Isbn.parse("9780441172719").value()).isEqualTo("9780441172719");
    }

    @Test
    void normalizesIsbn10ToIsbn13() {
        assertThat(Isbn.parse("0-441-17271-7").value()).isEqualTo("9780441172719");
        assertThat(Isbn.parse("080442957X").value()).isEqualTo("9780804429573");
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertThat(Isbn.isValid("9780441172718")).isFalse();
        assertThat(Isbn.isValid("0441172718")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Isbn.parse("9780441172718"));
    }

    @Test
    void rejectsWrongLengthLettersAndNull() {
        assertThat(Isbn.isValid("978044117271")).isFalse();
        assertThat(Isbn.isValid("97804411727190")).isFalse();
        assertThat(Isbn.isValid("97804411727X9")).isFalse();
        assertThat(Isbn.isValid("X441172717")).isFalse();
        assertThat(Isbn.isValid(null)).isFalse();
    }
}
