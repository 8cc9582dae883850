package io.heitu.chaincode.epcis;

/** Party identifiers: the GLN inside a party URI, whichever GS1 spelling it came in. */
public final class PartyIds {

    private static final String PARTY = "https://id.gs1.org/417/";

    private PartyIds() {}

    /** The party GLN of a PGLN URN or a Digital Link with AI 417, else null. */
    public static String gln(String uri) {
        String canonical = uri == null ? null : EventHashDigitalLinks.normalise(uri.strip());
        return canonical != null && canonical.startsWith(PARTY) ? canonical.substring(PARTY.length()) : null;
    }
}
