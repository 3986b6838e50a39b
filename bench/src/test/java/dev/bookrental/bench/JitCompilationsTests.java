package dev.bookrental.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;

class JitCompilationsTests {

    @Test
    void readsTheCompiledColumnOfJstat() {
        String output = """
                Compiled Failed Invalid   Time   FailedType FailedMethod
                   18471      0       0   100.93          0            \s
                """;

        assertThat(JitCompilations.parse(output)).isEqualTo(18471);
    }

    @Test
    void refusesOutputThatIsNotJstatCompiler() {
        assertThatIllegalStateException().isThrownBy(() -> JitCompilations.parse("12345: Could not attach"));
    }

    @Test
    void countsThisJvmsOwnCompilations() throws Exception {
        long before = JitCompilations.total(List.of(ProcessHandle.current().pid()));

        assertThat(before).isPositive();
    }
}
