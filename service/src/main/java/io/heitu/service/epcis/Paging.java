package io.heitu.service.epcis;

import io.heitu.service.epcis.query.QueryParameters;

/** {@code perPage}: 30 by default, at most the configured maximum (a larger ask gets that many). */
public final class Paging {

    private Paging() {}

    public static int perPage(String value, EpcisSettings settings) {
        if (value == null || value.isBlank()) {
            return EpcisSettings.DEFAULT_PER_PAGE;
        }
        try {
            int perPage = Integer.parseInt(value.strip());
            if (perPage >= 1) {
                return Math.min(perPage, settings.maxPerPage());
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw QueryParameters.invalid("perPage is a positive integer");
    }
}
