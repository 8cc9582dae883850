package io.heitu.chaincode.event;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"recalled", "destroyed", "retail_sold", "returned"})
    void an_observation_may_not_claim_a_status_only_its_own_transaction_sets(String disposition) {
        World world = World.standard();
        world.harvest("R-1", "100", "2026-09-28T09:00:00+08:00");
        var result = world.ledger.submit(
                world.farmer,
                "event:Observe",
                of(
                        "bizStep",
                        "storing",
                        "disposition",
                        disposition,
                        "lots",
                        list(map("gtin", World.PADDY, "lotCode", "R-1")),
                        "eventTime",
                        "2026-09-29T09:00:00+08:00"));
        assertThat(result.code()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void a_carrier_must_be_a_logistics_organisation() {
        World world = World.standard();
        world.harvest("R-2", "100", "2026-09-28T09:00:00+08:00");
        var ship = of(
                "lots",
                list(J.lot(World.PADDY, "R-2", "10", "KGM")),
                "toMsp",
                World.MILL,
                "carrierMsp",
                World.MART,
                "eventTime",
                "2026-09-29T09:00:00+08:00");
        assertThat(world.ledger.submit(world.farmer, "event:Ship", ship).code()).isEqualTo("INVALID_ARGUMENT");
        var viaCarrier = of(
                "lots",
                list(J.lot(World.PADDY, "R-2", "10", "KGM")),
                "toMsp",
                World.MILL,
                "carrierMsp",
                World.CARRIER,
                "eventTime",
                "2026-09-29T09:00:00+08:00");
        assertThat(world.ledger.submit(world.farmer, "event:Ship", viaCarrier).ok())
                .isTrue();
    }
}
