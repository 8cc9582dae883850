package io.heitu.service.access;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.ledger.TraceLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Filters what the service's read models (the EPCIS event store, reports) found down to what the
 * signed-in user may read. The rule is the chaincode's ({@code event:Readable}): the service asks,
 * never decides, so a read model answers exactly what the ledger would. Regulators and
 * administrators read everything and cost no question.
 */
@Component
public class ReadAccess {

    /** The chaincode's bound on event IDs per question. */
    static final int CHUNK = 500;

    private final TraceLedger ledger;
    private final CurrentUser user;

    ReadAccess(TraceLedger ledger, CurrentUser user) {
        this.ledger = ledger;
        this.user = user;
    }

    /** Whether the signed-in user reads every organisation's lots and events. */
    public boolean seesAll() {
        UserAccount account = user.account();
        return "regulator".equals(account.role()) || "admin".equals(account.role());
    }

    /** The items whose event (by its CBV 2.0 hash ID) the signed-in user may read, in their order. */
    public <T> List<T> readable(List<T> items, Function<T, String> hashId) {
        if (items.isEmpty() || seesAll()) {
            return items;
        }
        Set<String> readable = new HashSet<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<String> ids = items.subList(from, Math.min(items.size(), from + CHUNK)).stream()
                    .map(hashId)
                    .distinct()
                    .toList();
            readable.addAll(ledger.readableEvents(user.enrollment(), ids));
        }
        List<T> kept = new ArrayList<>(items.size());
        for (T item : items) {
            if (readable.contains(hashId.apply(item))) {
                kept.add(item);
            }
        }
        return kept;
    }
}
