package io.heitu.service.epcis.query;

import java.util.List;
import java.util.Set;

/**
 * Where locations sit within others, for {@code WD_readPoint} and {@code WD_bizLocation}: a location
 * and every location below it.
 */
public interface Hierarchy {

    /** The canonical identifiers within a location, itself included. */
    Within within(String canonicalLocation);

    /** Identifiers within a location: these, and any starting with one of the prefixes. */
    record Within(Set<String> locations, List<String> prefixes) {

        public Within {
            locations = Set.copyOf(locations);
            prefixes = List.copyOf(prefixes);
        }

        public boolean contains(String location) {
            return location != null
                    && (locations.contains(location) || prefixes.stream().anyMatch(location::startsWith));
        }
    }
}
