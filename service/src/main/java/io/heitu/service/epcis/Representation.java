package io.heitu.service.epcis;

import io.heitu.service.problem.ApiException;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The media type of an answer, negotiated from {@code Accept}: JSON (the default), JSON-LD or XML. */
public enum Representation {
    JSON(MediaType.APPLICATION_JSON),
    JSON_LD(MediaType.parseMediaType("application/ld+json")),
    XML(MediaType.APPLICATION_XML);

    private final MediaType type;

    Representation(MediaType type) {
        this.type = type;
    }

    public MediaType type() {
        return type;
    }

    /** The client's preferred representation among those offered; 406 when it accepts none of them. */
    public static Representation negotiate(String accept, boolean xmlOffered) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        accepted = new java.util.ArrayList<>(accepted);
        accepted.sort(
                java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() <= 0) {
                continue;
            }
            String subtype = wanted.getSubtype();
            if (wanted.isWildcardType() || wanted.getType().equals("application") && wanted.isWildcardSubtype()) {
                return JSON;
            }
            if (wanted.getType().equals("application") && (subtype.equals("json") || subtype.equals("problem+json"))) {
                return JSON;
            }
            if (wanted.getType().equals("application") && subtype.equals("ld+json")) {
                return JSON_LD;
            }
            boolean xml = subtype.equals("xml")
                    && (wanted.getType().equals("application")
                            || wanted.getType().equals("text"));
            if (xml && xmlOffered) {
                return XML;
            }
        }
        throw new ApiException(
                "NOT_ACCEPTABLE",
                "this resource is offered as "
                        + (xmlOffered
                                ? "application/json, application/ld+json or application/xml"
                                : "application/json or application/ld+json"));
    }
}
