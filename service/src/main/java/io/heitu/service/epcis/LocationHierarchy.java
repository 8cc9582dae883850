package io.heitu.service.epcis;

import io.heitu.service.epcis.identifier.Gs1Key;
import io.heitu.service.epcis.identifier.Identifiers;
import io.heitu.service.epcis.query.Hierarchy;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.Organisation;
import io.heitu.service.ledger.wire.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    private static final int PAGE = 500;

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

    private record Snapshot(Instant at, List<Place> places, List<Organisation> organisations) {}

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
                        .filter(org -> key.primaryValue().equals(org.gln()))
                        .map(Organisation::mspId)
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
        for (Location location : Page.all(PAGE, bookmark -> ledger.locations(users.reader(), page(bookmark)))) {
            String uri = location.gln() != null
                    ? Identifiers.canonical(Gs1Key.CANONICAL_BASE + "414/" + location.gln())
                    : "urn:heitu:loc:" + location.id();
            List<String> area = new ArrayList<>();
            Location.Address address = location.address();
            if (address != null) {
                for (String level : new String[] {
                    address.province(), address.city(), address.county(), address.township(), address.village()
                }) {
                    if (level != null) {
                        area.add(level);
                    }
                }
            }
            places.add(new Place(uri, location.ownerMsp() == null ? "" : location.ownerMsp(), area));
        }
        List<Organisation> organisations =
                Page.all(PAGE, bookmark -> ledger.organisations(users.reader(), page(bookmark)));
        return new Snapshot(Instant.now(), places, organisations);
    }

    private ObjectNode page(String bookmark) {
        ObjectNode page = json.createObjectNode().put("pageSize", PAGE);
        if (!bookmark.isEmpty()) {
            page.put("bookmark", bookmark);
        }
        return page;
    }
}
