package io.heitu.service.lot.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.service.ledger.LedgerException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The read model behind the consumer page: one {@link LotPage} per lot, built from the ledger on
 * first use and dropped when the ledger's events name the lot or any lot it was made from. A page
 * built while such an event arrived is served once but not kept, so no change is ever missed; the
 * time limit only guards against a missed event.
 */
@Component
public class LotPages {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final LotPageBuilder builder;
    private final Cache<String, LotPage> pages =
            Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(MAX_AGE).build();
    /** Lot URI → pages built from it. */
    private final Map<String, Set<String>> dependents = new ConcurrentHashMap<>();
    /** Lot URI → the clock when an event last named it; kept long enough to outlive any build. */
    private final Cache<String, Long> changedAt =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

    private final AtomicLong clock = new AtomicLong();
    private volatile long everythingChangedAt;

    LotPages(LotPageBuilder builder) {
        this.builder = builder;
    }

    /** @throws io.heitu.service.ledger.LedgerException.Rejected LOT_NOT_FOUND when the ledger has no such lot */
    public LotPage get(String gtin, String lotCode) {
        String key = gtin + "/" + lotCode;
        LotPage cached = pages.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long started = clock.get();
        LotPage page = pages.get(key, k -> builder.build(gtin, lotCode));
        page.dependsOn()
                .forEach(lot -> dependents
                        .computeIfAbsent(lot, l -> ConcurrentHashMap.newKeySet())
                        .add(key));
        if (changedSince(page, started)) {
            pages.invalidate(key);
        }
        return page;
    }

    /** The lot's page; null when the ledger has no such lot. */
    public LotPage find(String gtin, String lotCode) {
        try {
            return get(gtin, lotCode);
        } catch (LedgerException.Rejected noSuchLot) {
            return null;
        }
    }

    /** The ledger changed these lots (EPC class URIs). */
    public void changed(Collection<String> lots) {
        long now = clock.incrementAndGet();
        for (String lot : lots) {
            changedAt.put(lot, now);
            Set<String> keys = dependents.remove(lot);
            if (keys != null) {
                pages.invalidateAll(keys);
            }
        }
    }

    /** Master data or a certificate without a lot changed: any page may show it. */
    public void changedEverything() {
        everythingChangedAt = clock.incrementAndGet();
        pages.invalidateAll();
        dependents.clear();
    }

    private boolean changedSince(LotPage page, long started) {
        if (everythingChangedAt > started) {
            return true;
        }
        for (String lot : page.dependsOn()) {
            Long at = changedAt.getIfPresent(lot);
            if (at != null && at > started) {
                return true;
            }
        }
        return false;
    }
}
