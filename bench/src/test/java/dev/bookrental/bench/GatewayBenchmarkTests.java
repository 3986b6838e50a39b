package dev.bookrental.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class GatewayBenchmarkTests {

    @Test
    void breaksOnlyTheSignatureOfAToken() {
        String header = "eyJraWQiOiJrZXktMSIsImFsZyI6IlJTMjU2In0";
        String claims = "eyJzdWIiOiJhZGEifQ";
        String signature = "AbCdEf-_0123456789";

        String forged = GatewayBenchmark.brokenSignature(header + "." + claims + "." + signature);

        assertThat(forged).startsWith(header + "." + claims + ".").isNotEqualTo(header + "." + claims + "." + signature);
        String forgedSignature = forged.substring(forged.lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(forgedSignature)).isNotEqualTo(Base64.getUrlDecoder().decode(signature));
        assertThat(GatewayBenchmark.brokenSignature(header + "." + claims + ".BbCd")).endsWith(".AbCd");
    }
}
