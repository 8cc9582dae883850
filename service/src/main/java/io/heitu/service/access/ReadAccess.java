package io.heitu.service.access;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.Identities;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Readability;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
    private final Identities identities;

    ReadAccess(TraceLedger ledger, CurrentUser user, Identities identities) {
        this.ledger = ledger;
        this.user = user;
        this.identities = identities;
    }

    /** Whether the signed-in user reads every organisation's lots and events. */
    public boolean seesAll() {
        return seesAll(user.account());
    }

    /**
     * The items whose event (by its CBV 2.0 hash ID) the signed-in user may read, in their order:
     * for asking whether a reader may know of something an event names, not for serving the event
     * (see the overload that withholds quantities).
     */
    public <T> List<T> readable(List<T> items, Function<T, String> hashId) {
        return readable(items, hashId, UnaryOperator.identity());
    }

    /**
     * The items whose event the signed-in user may read, in their order, each event the chaincode
     * says the user sees only through lineage passed through {@code withoutQuantities} (see
     * {@link EventQuantities}).
     */
    public <T> List<T> readable(List<T> items, Function<T, String> hashId, UnaryOperator<T> withoutQuantities) {
        if (items.isEmpty() || seesAll()) {
            return items;
        }
        return readable(user.enrollment(), items, hashId, withoutQuantities);
    }

    /**
     * The same for a user who is not signed in now: the owner of a subscription, whose deliveries
     * carry only what they may read. A user no longer enrolled reads nothing.
     */
    public <T> List<T> readableBy(
            String username, List<T> items, Function<T, String> hashId, UnaryOperator<T> withoutQuantities) {
        if (items.isEmpty()) {
            return items;
        }
        var account = identities.user(username);
        if (account.isEmpty()) {
            return List.of();
        }
        if (seesAll(account.get())) {
            return items;
        }
        return readable(identities.enrollment(account.get()), items, hashId, withoutQuantities);
    }

    private static boolean seesAll(UserAccount account) {
        return "regulator".equals(account.role()) || "admin".equals(account.role());
    }

    private <T> List<T> readable(
            Enrollment reader, List<T> items, Function<T, String> hashId, UnaryOperator<T> withoutQuantities) {
        Set<String> readable = new HashSet<>();
        Set<String> lineageOnly = new HashSet<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<String> ids = items.subList(from, Math.min(items.size(), from + CHUNK)).stream()
                    .map(hashId)
                    .distinct()
                    .toList();
            Readability answer = ledger.readableEvents(reader, ids);
            readable.addAll(answer.readable());
            lineageOnly.addAll(answer.withoutQuantities());
        }
        List<T> kept = new ArrayList<>(items.size());
        for (T item : items) {
            String id = hashId.apply(item);
            if (readable.contains(id)) {
                kept.add(lineageOnly.contains(id) ? withoutQuantities.apply(item) : item);
            }
        }
        return kept;
    }
}
