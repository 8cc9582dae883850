package io.heitu.chaincode.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.ledger.sim.InMemoryState;
import io.heitu.ledger.sim.SimulatedStub;
import io.heitu.ledger.sim.TxProposal;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One transaction's view of the ledger, on the embedded ledger's own stub over in-memory state. */
class TxTest {

    private static final Instant TX_TIME = Instant.parse("2026-10-05T02:00:00Z");

    private final InMemoryState state = new InMemoryState();
    private final SimulatedStub stub =
            new SimulatedStub(new TxProposal("trace", "trace", "tx1", TX_TIME, new byte[0], List.of()), state);
    private final Tx tx =
            new Tx(stub, new Caller("ShulanRiceCoopMSP", Role.PRODUCER, "x509::farmer"), Action.LOT_COMMISSION);

    @Test
    void tells_time_by_the_transaction_timestamp_and_knows_its_caller() {
        assertThat(tx.time()).isEqualTo(TX_TIME);
        assertThat(tx.txId()).isEqualTo("tx1");
        assertThat(tx.caller().mspId()).isEqualTo("ShulanRiceCoopMSP");
        assertThat(tx.action()).isEqualTo(Action.LOT_COMMISSION);
    }

    @Test
    void reads_its_own_writes_and_deletes_though_fabric_would_not() {
        String key = tx.key("holding", "06901234500011", "A", "ShulanRiceCoopMSP");
        commit(key, "{\"uom\":\"KGM\",\"value\":5}");
        Quantity ten = new Quantity(BigDecimal.TEN, Uom.KGM);

        assertThat(tx.read(key, Quantity.class)).contains(new Quantity(new BigDecimal("5"), Uom.KGM));
        tx.put(key, ten);
        assertThat(tx.read(key, Quantity.class)).contains(ten);
        assertThat(stub.getState(key)).asString().isEqualTo("{\"uom\":\"KGM\",\"value\":5}");
        tx.delete(key);
        assertThat(tx.exists(key)).isFalse();
        assertThat(tx.read(key, Quantity.class)).isEmpty();
    }

    @Test
    void scans_see_the_transactions_own_writes_and_deletes_and_refuse_more_rows_than_asked_for() {
        commit(tx.key("org", "A"), "{\"v\":1}");
        commit(tx.key("org", "B"), "{\"v\":1}");
        commit(tx.key("org", "D"), "{\"v\":1}");
        tx.put(tx.key("org", "C"), "{\"v\":2}".getBytes());
        tx.put(tx.key("org", "A"), "{\"v\":2}".getBytes());
        tx.delete(tx.key("org", "D"));
        tx.put(tx.key("orgs", "E"), "{}".getBytes());

        assertThat(tx.scan(10, "org")).extracting(row -> row.attribute(0)).containsExactly("A", "B", "C");
        assertThat(tx.scan(10, "org"))
                .extracting(row -> new String(row.value()))
                .containsExactly("{\"v\":2}", "{\"v\":1}", "{\"v\":2}");
        assertThat(stub.getStateByPartialCompositeKey(tx.key("org")).iterator())
                .toIterable()
                .extracting(kv -> kv.getKey())
                .as("Fabric's own scan sees committed state only")
                .hasSize(3);
        assertThat(tx.any("org")).isTrue();
        assertThat(tx.any("orgs")).isTrue();
        assertThat(tx.any("lot")).isFalse();
        assertThatThrownBy(() -> tx.scan(2, "org"))
                .isInstanceOfSatisfying(
                        TraceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED));
    }

    @Test
    void a_key_deleted_in_the_transaction_is_gone_from_its_scans_and_any() {
        commit(tx.key("transit", "X", "1"), "{}");

        tx.delete(tx.key("transit", "X", "1"));

        assertThat(tx.scan(10, "transit", "X")).isEmpty();
        assertThat(tx.any("transit", "X")).isFalse();
    }

    @Test
    void emits_one_chaincode_event_and_refuses_a_second() {
        tx.emit("EventRecorded", Change.of("org", "A"));

        assertThatThrownBy(() -> tx.emit("EventRecorded", Change.of("org", "B")))
                .isInstanceOfSatisfying(
                        TraceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
        assertThat(stub.getEvent().getPayload().toStringUtf8()).contains("\"id\":\"A\"");
    }

    @Test
    void reads_the_history_of_a_key_newest_first() {
        String key = tx.key("lot", "06901234500011", "A");
        commit(key, "{\"v\":1}");
        commit(key, "{\"v\":2}");

        assertThat(tx.history(key))
                .extracting(modification -> modification.getStringValue())
                .containsExactly("{\"v\":2}", "{\"v\":1}");
    }

    private void commit(String key, String value) {
        state.apply(List.of(new Write(key, value.getBytes())), new Version(1, 0), "seed", TX_TIME);
    }
}
