package dev.bookrental.book.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Catalog settings from the config repository ({@code config/book.yml}). A mutable bean on
 * purpose: Spring Cloud rebinds it in place on a bus refresh, so a changed value applies to every
 * running instance without a restart (an immutable record would keep its startup value).
 */
@ConfigurationProperties("catalog")
public class CatalogProperties {

    /** Page size when a search does not ask for one. */
    private int defaultPageSize = 20;

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    public void setDefaultPageSize(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }
}
