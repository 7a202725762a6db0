package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenWindowTest {

    @ParameterizedTest
    @CsvSource({"1,30,8", "30,30,8", "31,30,8", "100,30,8", "517,126,32", "1000,510,128", "45,10,0", "45,10,9"})
    void everyTokenIsReadByExactlyOneWindowThatFits(int tokens, int size, int overlap) {
        List<TokenWindow> windows = TokenWindow.plan(0, tokens, size, overlap);

        int next = 0;
        for (TokenWindow window : windows) {
            assertThat(window.length()).isLessThanOrEqualTo(size);
            assertThat(window.keepFrom()).isLessThanOrEqualTo(next);
            assertThat(window.keepFrom()).isGreaterThanOrEqualTo(window.from());
            assertThat(window.keepTo()).isLessThanOrEqualTo(window.to());
            next = Math.max(next, window.keepTo());
        }
        assertThat(windows.getFirst().keepFrom()).isZero();
        assertThat(next).isEqualTo(tokens);
    }
}
