package dev.bookrental.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.bookrental.platform.testsupport.ApiDocs;
import dev.bookrental.platform.testsupport.AutoConfigureApiDocs;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;
import dev.bookrental.rental.eligibility.Eligibility;
import dev.bookrental.rental.saga.RentalService;

/** The rental service's OpenAPI spec: its operations, the statuses they really have, errors as problems. */
@WebMvcTest(properties = "spring.config.location=classpath:/slice-test.yml")
@AutoConfigureApiDocs
@EnableConfigurationProperties(RentalProperties.class)
@MockitoBean(types = {RentalCards.class, Eligibility.class, RentalService.class})
class ApiDocsTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void listsEveryOperationWithTheStatusesItReallyHas() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.info.title").isEqualTo("rental");
        spec.extractingPath("$.paths").asMap().containsOnlyKeys("/api/rental-card", "/api/rental-card/eligibility",
                "/api/rentals", "/api/rentals/{rentalId}", "/api/rentals/{rentalId}/return");
        spec.extractingPath("$.paths['/api/rentals'].post.responses").asMap()
                .containsOnlyKeys("202", "400", "401", "403", "404", "409", "503");
        spec.extractingPath("$.paths['/api/rentals/{rentalId}'].get.responses").asMap()
                .containsOnlyKeys("200", "400", "401", "403", "404");
        spec.extractingPath("$.paths['/api/rentals/{rentalId}/return'].post.responses").asMap()
                .containsOnlyKeys("200", "400", "401", "403", "404", "409");
        spec.extractingPath("$.components.schemas.RentRequest.properties.bookId.minimum").isEqualTo(1);
        spec.extractingPath("$.paths['/api/rental-card'].get.responses").asMap().containsOnlyKeys("200", "401", "403");
        spec.extractingPath("$.paths['/api/rental-card/eligibility'].get.responses").asMap()
                .containsOnlyKeys("200", "400", "401", "403", "404", "503");
        spec.extractingPath("$.paths['/api/rental-card/eligibility'].get.responses['503'].content").asMap()
                .containsOnlyKeys("application/problem+json");
        spec.extractingPath("$.paths['/api/rental-card/eligibility'].get.parameters[?(@.name == 'bookId')].schema.exclusiveMinimum")
                .asArray().containsExactly(0);
    }

    @Test
    void documentsEveryErrorAsProblemJsonAndEverySuccessAsJson() {
        assertThat(ApiDocs.errorStatuses(ApiDocs.tree(mvc))).containsExactlyInAnyOrder(
                "401", "403", // GET /api/rental-card
                "400", "401", "403", "404", "503", // GET /api/rental-card/eligibility
                "400", "401", "403", "404", "409", "503", // POST /api/rentals
                "400", "401", "403", "404", // GET /api/rentals/{id}
                "400", "401", "403", "404", "409"); // POST /api/rentals/{id}/return
    }

    @Test
    void everyOperationTakesTheMembersAccessToken() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        spec.extractingPath("$.paths.*.*.security[0]").asArray().hasSize(5)
                .allSatisfy(requirement -> assertThat(requirement).asInstanceOf(MAP).containsOnlyKeys("bearer"));
        spec.extractingPath("$..parameters[?(@.in == 'header')]").asArray().isEmpty();
        // The caller is the token, not a parameter: no trace of the @AuthenticationPrincipal argument.
        spec.extractingPath("$..parameters[?(@.name == 'caller')]").asArray().isEmpty();
        spec.extractingPath("$.components.schemas").asMap().doesNotContainKey("Jwt");
    }

    private AbstractJsonContentAssert<?> spec() {
        return ApiDocs.spec(mvc);
    }
}
