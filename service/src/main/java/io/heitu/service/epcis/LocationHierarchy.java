package io.heitu.service.epcis;

import io.heitu.service.epcis.identifier.Gs1Key;
import io.heitu.service.epcis.identifier.Identifiers;
import io.heitu.service.epcis.query.Hierarchy;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hierarchy of places behind {@code WD_readPoint} and {@code WD_bizLocation}, from the ledger's
 * master data and GS1's own rule:
 * <ul>
 *   <li>a GLN ({@code …/414/{gln}}) holds its sub-locations, the GLN with an extension
 *       ({@code …/414/{gln}/254/{ext}}, {@code urn:epc:id:sgln:….{ext}});
 *   <li>an organisation ({@code urn:heitu:org:{msp}} or its party GLN {@code …/417/{gln}}) holds
 *       every location it registered;
 *   <li>an administrative area ({@code urn:heitu:area:吉林省/吉林市/舒兰市}, as far down as wanted:
 *       province, city, county, township, village) holds every location registered within it.
 * </ul>
 * Master data is read from the ledger at most once a minute.
 */
@Component
class LocationHierarchy implements Hierarchy {

    static final String ORG = "urn:heitu:org:";
    static final String AREA = "urn:heitu:area:";
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final TraceLedger ledger;
    private final CurrentUser users;
    private final JsonMapper json;
    private volatile Snapshot snapshot;

    LocationHierarchy(TraceLedger ledger, CurrentUser users, JsonMapper json) {
        this.ledger = ledger;
        this.users = users;
        this.json = json;
    }

    private record Place(String uri, String owner, List<String> area) {}

    private record Snapshot(Instant at, List<Place> places, List<JsonNode> organisations) {}

    @Override
    public Within within(String location) {
        Set<String> locations = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        locations.add(location);
        Gs1Key.parseDigitalLink(location)
                .filter(key -> key.primaryAi().equals("414") && key.elements().size() == 1)
                .ifPresent(key -> prefixes.add(key.digitalLink() + "/254/"));
        String owner = owner(location);
        List<String> area = location.startsWith(AREA) ? area(location) : null;
        if (owner != null || area != null) {
            for (Place place : places().places()) {
                boolean inOrganisation = owner != null && owner.equals(place.owner());
                boolean inArea = area != null
                        && place.area().size() >= area.size()
                        && place.area().subList(0, area.size()).equals(area);
                if (inOrganisation || inArea) {
                    locations.add(place.uri());
                    Gs1Key.parseDigitalLink(place.uri()).ifPresent(key -> prefixes.add(key.digitalLink() + "/254/"));
                }
            }
        }
        return new Within(locations, prefixes);
    }

    /** The MSP ID of an organisation named by our URN or its party GLN; null for anything else. */
    private String owner(String location) {
        if (location.startsWith(ORG)) {
            return location.substring(ORG.length());
        }
        return Gs1Key.parseDigitalLink(location)
                .filter(key -> key.primaryAi().equals("417"))
                .flatMap(key -> places().organisations().stream()
                        .filter(org -> key.primaryValue().equals(org.path("gln").asString("")))
                        .map(org -> org.path("mspId").asString())
                        .findFirst())
                .orElse(null);
    }

    private static List<String> area(String location) {
        String path = URLDecoder.decode(location.substring(AREA.length()), StandardCharsets.UTF_8);
        return List.of(path.split("/")).stream().filter(part -> !part.isBlank()).toList();
    }

    private Snapshot places() {
        Snapshot current = snapshot;
        if (current == null || current.at().plus(FRESH).isBefore(Instant.now())) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        List<Place> places = new ArrayList<>();
        for (JsonNode location : all("location")) {
            String gln = location.path("gln").asString(null);
            String uri = gln != null
                    ? Identifiers.canonical(Gs1Key.CANONICAL_BASE + "414/" + gln)
                    : "urn:heitu:loc:" + location.path("id").asString();
            JsonNode address = location.path("address");
            List<String> area = new ArrayList<>();
            for (String level : List.of("province", "city", "county", "township", "village")) {
                if (address.path(level).isString()) {
                    area.add(address.get(level).asString());
                }
            }
            places.add(new Place(uri, location.path("ownerMsp").asString(""), area));
        }
        return new Snapshot(Instant.now(), places, all("organisation"));
    }

    private List<JsonNode> all(String what) {
        List<JsonNode> items = new ArrayList<>();
        String bookmark = null;
        do {
            var page = json.createObjectNode().put("pageSize", 500);
            if (bookmark != null) {
                page.put("bookmark", bookmark);
            }
            String answer = what.equals("location")
                    ? ledger.locations(users.reader(), page)
                    : ledger.organisations(users.reader(), page);
            JsonNode parsed = json.readTree(answer);
            parsed.path("items").forEach(items::add);
            String next = parsed.path("bookmark").asString("");
            bookmark = next.isEmpty() || parsed.path("items").isEmpty() ? null : next;
        } while (bookmark != null);
        return items;
    }
}
