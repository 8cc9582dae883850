package io.heitu.service.consumer;

import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What a resolver request asks for, following GS1's resolver conventions: {@code linkType=all} (or
 * {@code Accept: application/linkset+json}) for the linkset, a named link type for that link, and
 * otherwise the page for browsers or JSON for clients that prefer it. Anything unclear gets the
 * default link, the page.
 */
enum Negotiation {
    PAGE,
    JSON,
    LINKSET,
    CERTIFICATES;

    static final MediaType LINKSET_JSON = MediaType.valueOf("application/linkset+json");

    static Negotiation of(String linkType, String accept) {
        if (linkType != null) {
            String type = linkType.toLowerCase(Locale.ROOT).replace(Linksets.VOCABULARY, "gs1:");
            switch (type) {
                case "all", "linkset" -> {
                    return LINKSET;
                }
                case "gs1:traceability", "gs1:verificationservice" -> {
                    return JSON;
                }
                case "gs1:certificationinfo" -> {
                    return CERTIFICATES;
                }
                case "gs1:pip", "gs1:defaultlink" -> {
                    return PAGE;
                }
                default -> {}
            }
        }
        return byAccept(accept);
    }

    /** The acceptable type with the highest quality; on a tie the one listed first. */
    private static Negotiation byAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return PAGE;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return PAGE;
        }
        Negotiation best = PAGE;
        double bestQuality = -1;
        for (MediaType type : types) {
            Negotiation candidate = candidate(type);
            if (candidate != null && type.getQualityValue() > bestQuality) {
                best = candidate;
                bestQuality = type.getQualityValue();
            }
        }
        return best;
    }

    private static Negotiation candidate(MediaType type) {
        if (type.isWildcardType()) {
            return PAGE;
        }
        if (LINKSET_JSON.equalsTypeAndSubtype(type)) {
            return LINKSET;
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return JSON;
        }
        if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
                || MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type)) {
            return PAGE;
        }
        return null;
    }
}
