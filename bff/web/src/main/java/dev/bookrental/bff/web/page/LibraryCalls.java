package dev.bookrental.bff.web.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

import dev.bookrental.bff.web.api.GatewayCalls;

/**
 * The pages' client of the API ({@link LibraryApi}) joins the {@code gateway} group, and so gets
 * its base URL, timeouts and the session's access token (see {@link GatewayCalls}).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = GatewayCalls.GROUP, types = LibraryApi.class)
class LibraryCalls {
}
