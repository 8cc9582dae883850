package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Tx;
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

    /** The application whose pre-harvest interval a harvest at {@code harvestTime} would break. */
    public static Optional<InputApplication> blockingHarvest(Tx tx, String plotId, Instant harvestTime) {
        for (Row row : tx.scan(MAX_PER_PLOT, TYPE, plotId)) {
            InputApplication application = row.as(InputApplication.class);
            Instant applied = Instant.parse(application.appliedAt());
            Instant safe = Instant.parse(application.safeFrom());
            if (!applied.isAfter(harvestTime) && harvestTime.isBefore(safe)) {
                return Optional.of(application);
            }
        }
        return Optional.empty();
    }

    public static List<InputApplication> ofPlot(Tx tx, String plotId) {
        return tx.scan(MAX_PER_PLOT, TYPE, plotId).stream()
                .map(row -> row.as(InputApplication.class))
                .toList();
    }
}
