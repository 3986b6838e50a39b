package dev.bookrental.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.platform.testsupport.ApiDocs;
import dev.bookrental.platform.testsupport.AutoConfigureApiDocs;

/**
 * The member service's OpenAPI spec describes what its controllers really do: both operations,
 * the access token they take, the top-up body's limits, and each error as an RFC 9457 problem. The
 * controllers are the real ones; the database behind them is never reached while a spec is built.
 */
@WebMvcTest(properties = "spring.config.location=classpath:/slice-test.yml", // instead of application.yml and its config-server import
        includeFilters = @Filter(type = FilterType.ANNOTATION, classes = {Service.class, Repository.class}))
@AutoConfigureApiDocs
@MockitoBean(types = {JdbcClient.class, Outbox.class})
class ApiDocsTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void listsEveryOperationOfTheMemberService() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.openapi").asString().startsWith("3.");
        spec.extractingPath("$.info.title").isEqualTo("member");
        spec.extractingPath("$.paths").asMap().containsOnlyKeys("/api/members/me", "/api/members/me/points");
        spec.extractingPath("$.paths['/api/members/me']").asMap().containsOnlyKeys("get");
        spec.extractingPath("$.paths['/api/members/me/points']").asMap().containsOnlyKeys("post");
    }

    @Test
    void answersEachOperationWithTheStatusesItReallyHas() {
        AbstractJsonContentAssert<?> spec = spec();

        // Reading the profile takes no parameter that can be malformed: no 400.
        spec.extractingPath("$.paths['/api/members/me'].get.responses").asMap().containsOnlyKeys("200", "401", "403", "404");
        spec.extractingPath("$.paths['/api/members/me/points'].post.responses").asMap()
                .containsOnlyKeys("200", "400", "401", "403", "404", "422");
        spec.extractingPath("$.paths['/api/members/me/points'].post.responses['422'].description").asString()
                .contains("balance-limit-exceeded");
    }

    @Test
    void documentsEveryErrorAsProblemJsonAndEverySuccessAsJson() {
        List<String> errors = ApiDocs.errorStatuses(ApiDocs.tree(mvc));
        assertThat(errors).containsExactlyInAnyOrder("401", "403", "404", "400", "401", "403", "404", "422");
    }

    @Test
    void documentsTheAccessTokenAndTheTopUpLimits() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        spec.extractingPath("$.paths['/api/members/me'].get.security[0]").asMap().containsOnlyKeys("bearer");
        spec.extractingPath("$.paths['/api/members/me/points'].post.security[0]").asMap().containsOnlyKeys("bearer");
        spec.extractingPath("$..parameters[?(@.in == 'header')]").asArray().isEmpty();
        // The caller is the token, not a parameter: no trace of the @AuthenticationPrincipal argument.
        spec.extractingPath("$..parameters[?(@.name == 'caller')]").asArray().isEmpty();
        spec.extractingPath("$.components.schemas").asMap().doesNotContainKey("Jwt");
        spec.extractingPath("$.paths['/api/members/me/points'].post.requestBody.content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/TopUpRequest");
        spec.extractingPath("$.components.schemas.TopUpRequest.required").asArray().containsExactly("amount");
        spec.extractingPath("$.components.schemas.TopUpRequest.properties.amount.minimum").isEqualTo(1);
        spec.extractingPath("$.components.schemas.TopUpRequest.properties.amount.maximum").isEqualTo(10_000);
        spec.extractingPath("$.paths['/api/members/me'].get.responses['200'].content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/Member");
    }

    private AbstractJsonContentAssert<?> spec() {
        return ApiDocs.spec(mvc);
    }
}
