package io.heitu.chaincode.lot;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.World;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void a_harvest_creates_a_lot_held_by_the_cooperative() {
        World world = World.standard();
        var result = world.harvest("SL2026-001", "12000", "2026-10-01T08:00:00+08:00");
        assertThat(result.ok()).as(result.toString()).isTrue();
        var lot = world.query(world.farmer, "lot:Get", J.of("gtin", World.PADDY, "lotCode", "SL2026-001"));
        System.out.println(lot);
        assertThat(lot.json().at("/remaining/value").asText()).isEqualTo("12000");
    }
}
