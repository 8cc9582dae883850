package io.heitu.service.epcis.identifier;

import java.util.Optional;

/**
 * One spelling for every identifier EPCIS compares: a GS1 key as its canonical Digital Link, whether
 * it came as an EPC URN or as a Digital Link on any host; any other URI as written. Queries,
 * duplicate checks and the read model's index all compare canonical forms, so a partner writing
 * {@code urn:epc:id:sgtin:0614141.107346.2017} and one writing
 * {@code https://example.com/01/10614141073464/21/2017} name the same object.
 */
public final class Identifiers {

    private Identifiers() {}

    public static String canonical(String uri) {
        if (uri == null) {
            return null;
        }
        String text = uri.strip();
        return key(text).map(Gs1Key::digitalLink).orElse(text);
    }

    /** The GS1 key an EPC URN or Digital Link names, if it names one. */
    public static Optional<Gs1Key> key(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String text = uri.strip();
        if (text.regionMatches(true, 0, "urn:epc:", 0, 8)) {
            return EpcUrns.toKey(text);
        }
        return Gs1Key.parseDigitalLink(text);
    }
}
