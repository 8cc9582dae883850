package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two clients racing on the same lot: one wins, the other gets a retried success or a refusal —
 * never a lost update.
 */
class RaceIT extends ServiceTest {

    @Test
    void two_shipments_of_more_than_half_a_lot_never_both_succeed() throws Exception {
        Api api = api();
        for (int round = 0; round < 5; round++) {
            String lot = ApiFlowIT.unique("R");
            var harvest = api.post("farmer", "/api/lots/harvests", ApiFlowIT.paddy(lot, 1000, ApiFlowIT.at(40, 9)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
            List<Callable<Api.Response>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String time = ApiFlowIT.at(39, 8 + i);
                racers.add(() -> api.post(
                        "farmer",
                        "/api/events/shipments",
                        Map.of(
                                "lots",
                                List.of(ApiFlowIT.line(ApiFlowIT.PADDY, lot, 600, "KGM")),
                                "toMsp",
                                "RiceMillMSP",
                                "eventTime",
                                time)));
            }
            List<Api.Response> answers = race(racers);
            assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(answers)
                    .filteredOn(r -> r.status() != 201)
                    .singleElement()
                    .satisfies(loser -> assertThat(loser.code()).isIn("INSUFFICIENT_QUANTITY", "CONCURRENT_UPDATE"));
            var view = api.get("farmer", "/api/lots/" + ApiFlowIT.PADDY + "/" + lot)
                    .json();
            assertThat(view.at("/holdings/0/quantity/value").asString()).isEqualTo("400");
            assertThat(view.at("/remaining/value").asString()).isEqualTo("1000");
        }
    }

    @Test
    void ten_concurrent_sales_of_one_bag_each_all_count() throws Exception {
        Api api = api();
        String lot = ApiFlowIT.unique("S");
        assertThat(api.post("farmer", "/api/lots/harvests", ApiFlowIT.paddy(lot, 50, ApiFlowIT.at(30, 9)))
                        .status())
                .isEqualTo(201);
        List<Callable<Api.Response>> sales = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String time = ApiFlowIT.at(29, 0).replace("T00:00:00", "T10:00:" + (10 + i));
            sales.add(() -> api.post(
                    "farmer",
                    "/api/events/sales",
                    Map.of("lots", List.of(ApiFlowIT.line(ApiFlowIT.PADDY, lot, 1, "KGM")), "eventTime", time)));
        }
        List<Api.Response> answers = race(sales);
        long sold = answers.stream().filter(r -> r.status() == 201).count();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        var view = api.get("farmer", "/api/lots/" + ApiFlowIT.PADDY + "/" + lot).json();
        assertThat(view.at("/remaining/value").asLong()).isEqualTo(50 - sold);
    }

    /**
     * What one client was told is committed, the next can build on at once, even through another
     * organisation's peer: on Fabric the supermarket's peer (or the second endorser) may not have
     * committed the cooperative's shipment yet, and the service tries again rather than pass on a
     * refusal that rests on stale state.
     */
    @Test
    void a_receipt_right_after_an_acknowledged_shipment_is_accepted_whichever_peer_endorses_it() {
        Api api = api();
        for (int round = 0; round < 10; round++) {
            String lot = ApiFlowIT.unique("RX");
            var harvest = api.post("farmer", "/api/lots/harvests", ApiFlowIT.paddy(lot, 100, ApiFlowIT.at(20, 9)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
            var shipped = api.post(
                    "farmer",
                    "/api/events/shipments",
                    Map.of(
                            "lots",
                            List.of(ApiFlowIT.line(ApiFlowIT.PADDY, lot, 100, "KGM")),
                            "toMsp",
                            "ChangchunMartMSP",
                            "eventTime",
                            ApiFlowIT.at(19, 8)));
            assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
            var received = api.post(
                    "grocer",
                    "/api/events/receipts",
                    Map.of(
                            "lots",
                            List.of(ApiFlowIT.line(ApiFlowIT.PADDY, lot, 100, "KGM")),
                            "fromMsp",
                            "ShulanRiceCoopMSP",
                            "eventTime",
                            ApiFlowIT.at(19, 12)));
            assertThat(received.status())
                    .as("round %d: %s", round, received.body())
                    .isEqualTo(201);
        }
    }

    private static List<Api.Response> race(List<Callable<Api.Response>> racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : pool.invokeAll(racers)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
