package dev.bookrental.rental;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The rental service's OpenAPI spec: its operations, the statuses they really have, errors as problems. */
@WebMvcTest(properties = "spring.config.location=classpath:/slice-test.yml")
@AutoConfigureApiDocs
@EnableConfigurationProperties(RentalProperties.class)
@MockitoBean(types = {RentalCards.class, Eligibility.class})
class ApiDocsTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void listsEveryOperationWithTheStatusesItReallyHas() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.info.title").isEqualTo("rental");
        spec.extractingPath("$.paths").asMap().containsOnlyKeys("/api/rental-card", "/api/rental-card/eligibility");
        spec.extractingPath("$.paths['/api/rental-card'].get.responses").asMap().containsOnlyKeys("200", "401");
        spec.extractingPath("$.paths['/api/rental-card/eligibility'].get.responses").asMap()
                .containsOnlyKeys("200", "400", "401", "404", "503");
        spec.extractingPath("$.paths['/api/rental-card/eligibility'].get.responses['503'].content").asMap()
                .containsOnlyKeys("application/problem+json");
        spec.extractingPath("$.paths['/api/rental-card/eligibility'].get.parameters[?(@.name == 'bookId')].schema.exclusiveMinimum")
                .asArray().containsExactly(0);
    }

    @Test
    void documentsEveryErrorAsProblemJsonAndEverySuccessAsJson() {
        assertThat(ApiDocs.errorStatuses(ApiDocs.tree(mvc))).containsExactlyInAnyOrder("401", "400", "401", "404", "503");
    }

    private AbstractJsonContentAssert<?> spec() {
        return ApiDocs.spec(mvc);
    }
}
