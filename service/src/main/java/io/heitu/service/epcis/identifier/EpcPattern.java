package io.heitu.service.epcis.identifier;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An EPC pattern URI ({@code urn:epc:idpat:sgtin:0614141.*.*}) as the MATCH_ query parameters use
 * it: each component is a value or {@code *}, wherever it stands. An identifier matches when, split
 * as an EPC URN, every fixed component is equal; a class-level identifier (an LGTIN, a GTIN on its
 * own) matches when its fixed components are equal and the pattern leaves open what the class leaves
 * open. Identifiers arrive as Digital Links too, which do not say where the company prefix ends, so
 * the split is tried at the pattern's own prefix length, or at every length when that is open.
 */
public record EpcPattern(String scheme, List<String> components) {

    private static final String ANY = "*";

    public EpcPattern {
        components = List.copyOf(components);
    }

    /** The pattern of a value, when the value is an EPC pattern URI. */
    public static Optional<EpcPattern> parse(String value) {
        return EpcUrns.parse(value == null ? null : value.strip())
                .filter(urn -> urn.kind().equals("idpat"))
                .map(urn -> new EpcPattern(urn.scheme(), urn.components()));
    }

    public boolean matches(String identifier) {
        Optional<Gs1Key> key = Identifiers.key(identifier);
        if (key.isEmpty()) {
            return false;
        }
        String prefix = components.get(0);
        IntStream lengths = prefix.equals(ANY) ? IntStream.rangeClosed(6, 12) : IntStream.of(prefix.length());
        return lengths.mapToObj(length -> EpcUrns.toUrn(key.get(), length))
                .flatMap(Optional::stream)
                .map(EpcUrns::parse)
                .flatMap(Optional::stream)
                .anyMatch(this::covers);
    }

    /**
     * A literal prefix of the canonical Digital Links this pattern can match, for an index range
     * scan; empty when the pattern's key is not positioned that simply.
     */
    public Optional<String> digitalLinkPrefix() {
        String prefix = components.get(0);
        if (prefix.equals(ANY)) {
            return Optional.empty();
        }
        return switch (scheme) {
            case "sgtin", "upui", "itip" -> Optional.empty(); // the indicator digit comes first
            case "sgln" -> Optional.of(Gs1Key.CANONICAL_BASE + "414/" + prefix);
            case "pgln" -> Optional.of(Gs1Key.CANONICAL_BASE + "417/" + prefix);
            case "grai" -> Optional.of(Gs1Key.CANONICAL_BASE + "8003/0" + prefix);
            case "giai" -> Optional.of(Gs1Key.CANONICAL_BASE + "8004/" + prefix);
            case "gdti" -> Optional.of(Gs1Key.CANONICAL_BASE + "253/" + prefix);
            case "sgcn" -> Optional.of(Gs1Key.CANONICAL_BASE + "255/" + prefix);
            case "gsrn" -> Optional.of(Gs1Key.CANONICAL_BASE + "8018/" + prefix);
            case "gsrnp" -> Optional.of(Gs1Key.CANONICAL_BASE + "8017/" + prefix);
            case "ginc" -> Optional.of(Gs1Key.CANONICAL_BASE + "401/" + prefix);
            case "gsin" -> Optional.of(Gs1Key.CANONICAL_BASE + "402/" + prefix);
            case "cpi" -> Optional.of(Gs1Key.CANONICAL_BASE + "8010/" + prefix);
            default -> Optional.empty();
        };
    }

    /** The application identifier every identifier this pattern can match starts with. */
    public String primaryAi() {
        return switch (scheme) {
            case "sgtin", "upui" -> "01";
            case "sscc" -> "00";
            case "sgln" -> "414";
            case "pgln" -> "417";
            case "grai" -> "8003";
            case "giai" -> "8004";
            case "gdti" -> "253";
            case "sgcn" -> "255";
            case "gsrn" -> "8018";
            case "gsrnp" -> "8017";
            case "ginc" -> "401";
            case "gsin" -> "402";
            case "itip" -> "8006";
            case "cpi" -> "8010";
            default -> "";
        };
    }

    private boolean covers(EpcUrns.Urn candidate) {
        String candidateScheme = candidate.scheme().equals("lgtin") ? "sgtin" : candidate.scheme();
        if (!candidateScheme.equals(scheme) || candidate.components().size() != components.size()) {
            return false;
        }
        boolean classLevel = !candidate.kind().equals("id");
        for (int i = 0; i < components.size(); i++) {
            String wanted = components.get(i);
            String actual = candidate.components().get(i);
            boolean last = i == components.size() - 1;
            if (classLevel && last) {
                // An LGTIN's lot or a class pattern's '*' is not a serial: only an open serial covers it.
                if (!wanted.equals(ANY)) {
                    return false;
                }
            } else if (!wanted.equals(ANY) && !wanted.equals(actual)) {
                return false;
            }
        }
        return true;
    }
}
