package io.heitu.service.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GS1 linkset of a code (RFC 9264, {@code application/linkset+json}): the links a resolver
 * offers for the identified item, keyed by GS1 link type. The page is the default link.
 */
final class Linksets {

    static final String VOCABULARY = "https://gs1.org/voc/";

    private Linksets() {}

    /**
     * @param anchor the Digital Link on this resolver, without query
     * @param query the signature parameter to carry ({@code ?s=…}) or empty
     */
    static Map<String, Object> of(String anchor, String query, String nameZh, String nameEn) {
        String verify = anchor + (query.isEmpty() ? "?" : query + "&");
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("anchor", anchor);
        links.put(VOCABULARY + "defaultLink", List.of(link(anchor + query, nameZh, "text/html", "zh-CN")));
        links.put(
                VOCABULARY + "pip",
                List.of(
                        link(anchor + query, nameZh + " 产品信息与溯源", "text/html", "zh-CN"),
                        link(verify + "lang=en", nameEn + " product information and trace", "text/html", "en")));
        links.put(
                VOCABULARY + "traceability",
                List.of(link(
                        verify + "linkType=gs1:traceability",
                        "从地块到货架 From plot to shelf",
                        "application/json",
                        "zh-CN")));
        links.put(
                VOCABULARY + "verificationService",
                List.of(link(
                        verify + "linkType=gs1:verificationService",
                        "验证真伪 Verify this code",
                        "application/json",
                        "zh-CN")));
        links.put(
                VOCABULARY + "certificationInfo",
                List.of(link(
                        verify + "linkType=gs1:certificationInfo",
                        "检验与证书 Inspections and certificates",
                        "text/html",
                        "zh-CN")));
        return Map.of("linkset", List.of(links));
    }

    /** The {@code Link} header that points to the linkset, as GS1 resolvers send with every answer. */
    static String header(String anchor) {
        return "<" + anchor + "?linkType=all>; rel=\"linkset\"; type=\"application/linkset+json\"";
    }

    private static Link link(String href, String title, String type, String language) {
        return new Link(href, title, type, List.of(language));
    }

    /** One target link (RFC 9264 target attributes). */
    record Link(String href, String title, String type, List<String> hreflang) {}
}
