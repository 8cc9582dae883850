package io.heitu.chaincode.core;

import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.event.EventContract;
import io.heitu.chaincode.evidence.EvidenceContract;
import io.heitu.chaincode.inspection.InspectionContract;
import io.heitu.chaincode.location.LocationContract;
import io.heitu.chaincode.lot.LotContract;
import io.heitu.chaincode.org.OrgContract;
import io.heitu.chaincode.product.ProductContract;
import io.heitu.chaincode.qr.QrContract;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.Samples;
import io.heitu.chaincode.support.TestLedger;
import io.heitu.chaincode.terms.TermsContract;
import io.heitu.ledger.sim.Simulation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role × transaction matrix, cell by cell: every transaction called by a user of every role
 * (each from an organisation whose kind allows that role), on a world where the transaction can
 * succeed. A denied cell is refused for the role before anything is read or written; an allowed
 * cell is never refused for the role, whatever else the transaction decides.
 */
class ActionMatrixTest {

    private static final String ALL = "admin inspector logistics processor producer regulator retailer";

    /** The matrix as the consortium agreed it; Action must say the same. */
    private static final Map<String, String> AGREED = Map.ofEntries(
            entry("org:Register", "admin"),
            entry("org:Get", ALL),
            entry("org:List", ALL),
            entry("location:Register", "admin inspector logistics processor producer retailer"),
            entry("location:Get", ALL),
            entry("location:List", ALL),
            entry("product:Register", "admin processor producer"),
            entry("product:SetPolicy", "regulator"),
            entry("product:SetYield", "regulator"),
            entry("product:RegisterGiArea", "regulator"),
            entry("product:License", "processor producer"),
            entry("product:RevokeLicence", "processor producer"),
            entry("product:Get", ALL),
            entry("product:List", ALL),
            entry("lot:Commission", "producer"),
            entry("lot:Hold", "inspector regulator"),
            entry("lot:Release", "inspector regulator"),
            entry("lot:Recall", "inspector regulator"),
            entry("lot:Get", ALL),
            entry("lot:GetMany", ALL),
            entry("lot:List", ALL),
            entry("lot:History", ALL),
            entry("lot:Events", ALL),
            entry("lot:Lineage", ALL),
            entry("lot:Facts", ALL),
            entry("lot:RequestInspection", "logistics processor producer retailer"),
            entry("event:ApplyInput", "producer"),
            entry("event:Observe", "logistics processor producer retailer"),
            entry("event:Ship", "logistics processor producer retailer"),
            entry("event:Receive", "logistics processor producer retailer"),
            entry("event:Sell", "producer retailer"),
            entry("event:Dispose", "logistics processor producer retailer"),
            entry("event:Transform", "processor producer"),
            entry("event:Aggregate", "logistics processor producer retailer"),
            entry("event:Batch", "logistics processor producer retailer"),
            entry("event:Capture", "logistics processor producer retailer"),
            entry("event:Get", ALL),
            entry("event:GetMany", ALL),
            entry("event:Readable", ALL),
            entry("event:PlotInputs", ALL),
            entry("inspection:RecordLabResult", "inspector"),
            entry("inspection:IssueCertificate", "inspector"),
            entry("inspection:IssueCommitment", "producer"),
            entry("inspection:RevokeCertificate", "inspector producer regulator"),
            entry("inspection:Grade", "inspector"),
            entry("inspection:GetCertificate", ALL),
            entry("inspection:Certificates", ALL),
            entry("inspection:Ranking", ALL),
            entry("qr:RegisterKey", "processor producer"),
            entry("qr:RevokeKey", "processor producer regulator"),
            // A shipment's parties record its terms; reading them is decided per shipment (its two parties).
            entry("terms:Record", "logistics processor producer retailer"),
            entry("terms:Get", ALL),
            entry("terms:Verify", ALL),
            entry("qr:RecordIssuance", "processor producer"),
            entry("qr:Keys", ALL),
            entry("qr:Issuances", ALL),
            entry("evidence:Attach", "inspector processor producer"),
            entry("evidence:List", ALL));

    private static final Class<?>[] CONTRACTS = {
        OrgContract.class,
        LocationContract.class,
        ProductContract.class,
        LotContract.class,
        EventContract.class,
        InspectionContract.class,
        QrContract.class,
        EvidenceContract.class,
        TermsContract.class
    };

    private static Samples samples;

    @BeforeAll
    static void prepare() {
        samples = Samples.prepare();
    }

    @Test
    void the_matrix_is_the_one_the_consortium_agreed() {
        Map<String, String> actual = new TreeMap<>();
        for (Action action : Action.values()) {
            actual.put(
                    action.transaction(),
                    action.roles().stream().map(Role::word).sorted().collect(Collectors.joining(" ")));
        }
        assertThat(actual).isEqualTo(new TreeMap<>(AGREED));
    }

    @Test
    void every_transaction_of_every_contract_is_a_cell_of_the_matrix_with_the_intent_of_its_kind() {
        Map<String, Transaction.TYPE> declared = new TreeMap<>();
        for (Class<?> contract : CONTRACTS) {
            String name = contract.getAnnotation(Contract.class).name();
            for (Method method : contract.getMethods()) {
                Transaction transaction = method.getAnnotation(Transaction.class);
                if (transaction != null) {
                    declared.put(name + ":" + transaction.name(), transaction.intent());
                }
            }
        }
        Map<String, Transaction.TYPE> expected = new TreeMap<>();
        for (Action action : Action.values()) {
            expected.put(action.transaction(), action.isWrite() ? Transaction.TYPE.SUBMIT : Transaction.TYPE.EVALUATE);
        }
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void reads_are_open_to_every_role_and_writes_name_their_roles() {
        for (Action action : Action.values()) {
            if (action.isWrite()) {
                assertThat(action.roles()).as(action.transaction()).hasSizeLessThan(Role.values().length);
            } else {
                assertThat(action.roles()).as(action.transaction()).containsExactlyInAnyOrder(Role.values());
            }
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("deniedCells")
    void a_denied_role_is_refused_before_anything_is_read_or_written(Action action, Role role) {
        Simulation simulation = simulate(action, role);
        Result result = TestLedger.outcome(simulation);

        assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
        assertThat(result.message()).contains(role.word() + " may not call " + action.transaction());
        assertThat(simulation.readWriteSet().reads()).isEmpty();
        assertThat(simulation.readWriteSet().writes()).isEmpty();
        assertThat(simulation.event()).isNull();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("allowedCells")
    void an_allowed_role_is_never_refused_for_its_role(Action action, Role role) {
        Result result = TestLedger.outcome(simulate(action, role));

        assertThat(result).isNotRefusedWith(ErrorCode.FORBIDDEN_ROLE, ErrorCode.FORBIDDEN_ORGANISATION);
    }

    static Stream<Arguments> deniedCells() {
        return cells(false);
    }

    static Stream<Arguments> allowedCells() {
        return cells(true);
    }

    private static Stream<Arguments> cells(boolean allowed) {
        return Arrays.stream(Action.values())
                .flatMap(action -> Arrays.stream(Role.values())
                        .filter(role -> action.allows(role) == allowed)
                        .map(role -> Arguments.of(action, role)));
    }

    private static Simulation simulate(Action action, Role role) {
        return samples.world()
                .ledger
                .simulate(
                        samples.world().user(role),
                        action.transaction(),
                        samples.request(action),
                        samples.transientData(action));
    }
}
