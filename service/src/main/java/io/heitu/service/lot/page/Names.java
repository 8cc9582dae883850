package io.heitu.service.lot.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.Organisation;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Organisations and places by id, read from the ledger as the consumer reader and kept: a page
 * names a handful, and they change only when master data is registered (then all are forgotten).
 */
@Component
public class Names {

    static final String LOCATION_URN = "urn:heitu:loc:";

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Cache<String, LotPage.Org> orgs =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, Optional<Location>> places =
            Caffeine.newBuilder().maximumSize(10_000).build();

    Names(TraceLedger ledger, CurrentUser user) {
        this.ledger = ledger;
        this.user = user;
    }

    /** The organisation's names; its MSP ID stands in when the ledger does not know it. */
    public LotPage.Org org(String mspId) {
        if (mspId == null || mspId.isEmpty()) {
            return null;
        }
        return orgs.get(mspId, id -> {
            try {
                Organisation org = ledger.organisation(user.reader(), id);
                return new LotPage.Org(
                        id, orElse(org.nameZh(), id), orElse(org.nameEn(), id), org.uscc(), org.county());
            } catch (LedgerException.Rejected unknown) {
                return new LotPage.Org(id, id, id);
            }
        });
    }

    /** A location by id or {@code urn:heitu:loc:} URN; empty when it is not registered. */
    Optional<Location> place(String idOrUrn) {
        if (idOrUrn == null || idOrUrn.isEmpty()) {
            return Optional.empty();
        }
        String id = idOrUrn.startsWith(LOCATION_URN) ? idOrUrn.substring(LOCATION_URN.length()) : idOrUrn;
        return places.get(id, key -> {
            try {
                return Optional.of(ledger.location(user.reader(), key));
            } catch (LedgerException.Rejected unknown) {
                return Optional.empty();
            }
        });
    }

    private static String orElse(String text, String absent) {
        return text == null ? absent : text;
    }

    public void forget() {
        orgs.invalidateAll();
        places.invalidateAll();
    }
}
