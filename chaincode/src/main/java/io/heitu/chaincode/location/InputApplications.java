package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Inputs applied on plots, kept per plot in time order for the pre-harvest interval check. */
public final class InputApplications {

    static final String TYPE = "plotinput";

    /** Bound on the applications of one plot read when checking a harvest. */
    private static final int MAX_PER_PLOT = 10_000;

    private InputApplications() {}

    public static void record(Tx tx, InputApplication application, String eventDigest) {
        tx.put(tx.key(TYPE, application.plotId(), application.appliedAt(), eventDigest), application);
    }

    /**
     * The application recorded on the plot that a harvest at {@code harvestTime} would conflict
     * with: one whose pre-harvest interval the harvest falls in, or one the harvest would be dated
     * just before (by less than its interval). The second is backdating: once a spray is recorded,
     * a harvest recorded after it cannot claim to have come shortly before it.
     */
    public static Optional<InputApplication> blockingHarvest(Tx tx, String plotId, Instant harvestTime) {
        for (Row row : tx.scan(MAX_PER_PLOT, TYPE, plotId)) {
            InputApplication application = row.as(InputApplication.class);
            if (application.phiDays() > 0 && conflicts(application, harvestTime, true)) {
                return Optional.of(application);
            }
        }
        return Optional.empty();
    }

    /**
     * True when the harvest falls in the application's pre-harvest interval ({@code appliedAt} ≤
     * harvest &lt; {@code safeFrom}), or, for an application recorded before the harvest, when the
     * harvest is dated less than the interval before it.
     */
    public static boolean conflicts(InputApplication application, Instant harvestTime, boolean recordedBefore) {
        Instant applied = Instant.parse(application.appliedAt());
        Instant safe = Instant.parse(application.safeFrom());
        boolean inside = !applied.isAfter(harvestTime) && harvestTime.isBefore(safe);
        Duration interval = Duration.between(applied, safe);
        boolean justBefore = recordedBefore
                && harvestTime.isBefore(applied)
                && harvestTime.plus(interval).isAfter(applied);
        return inside || justBefore;
    }

    public static List<InputApplication> ofPlot(Tx tx, String plotId) {
        return tx.scan(MAX_PER_PLOT, TYPE, plotId).stream()
                .map(row -> row.as(InputApplication.class))
                .toList();
    }
}
