package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Jilin;
import java.util.Map;
import java.util.Set;

/**
 * Inspection, grading, holding and releasing are acts of oversight: inspectors and regulators record
 * them through their own transactions (lab results, grades, hold, release, recall). A captured EPCIS
 * event that says it is such an act — by its business step, its disposition, or the fields the
 * consumer page reads as an inspector's (grade, lab results, hold status) — is refused to every
 * other role when it names a lot the ledger knows, so that no member's own document can show
 * "定级 特级" or "解除暂扣" on its goods. Events only about other systems' lots pass: they are stored
 * unverified, as their sender's declaration, and no lot of the ledger shows them.
 */
final class OversightSteps {

    /** CBV business steps of oversight; {@code grading} is our own (jl) step. */
    private static final Set<String> STEPS = Set.of("inspecting", "holding", Jilin.BIZSTEP_GRADING, "jl:grading");

    /** Dispositions that state an inspection's outcome (a recall's is refused as a status disposition). */
    private static final Set<String> DISPOSITIONS = Set.of("conformant", "non_conformant");

    /** Our extension fields that the service shows as an inspector's or regulator's act. */
    private static final Set<String> FIELDS =
            Set.of("grade", "labResults", "statusAction", "holdId", "reportNo", "lab", "certificate");

    private OversightSteps() {}

    static void requireAllowed(Tx tx, CapturedEvent event, Map<String, String> prefixes) {
        Role role = tx.caller().role();
        if (role == Role.INSPECTOR || role == Role.REGULATOR) {
            return;
        }
        String bizStep = event.bizStep();
        if (bizStep != null && STEPS.contains(bizStep)) {
            throw refused(role, "business step " + bizStep);
        }
        String disposition = event.disposition();
        if (disposition != null && DISPOSITIONS.contains(disposition)) {
            throw refused(role, "disposition " + disposition);
        }
        refuseFields(role, event.event(), prefixes);
        refuseFields(role, event.event().path("ilmd"), prefixes);
    }

    private static void refuseFields(Role role, JsonNode node, Map<String, String> prefixes) {
        node.fieldNames().forEachRemaining(name -> {
            String local = ourField(name, prefixes);
            if (local != null && FIELDS.contains(local)) {
                throw refused(role, "field " + name);
            }
        });
    }

    /** The local name of a field in our namespace, under any prefix the document binds to it. */
    private static String ourField(String name, Map<String, String> prefixes) {
        if (name.startsWith(Jilin.NAMESPACE)) {
            return name.substring(Jilin.NAMESPACE.length());
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String prefix = name.substring(0, colon);
        boolean ours = prefix.equals(Jilin.PREFIX) || Jilin.NAMESPACE.equals(prefixes.get(prefix));
        return ours ? name.substring(colon + 1) : null;
    }

    private static TraceException refused(Role role, String what) {
        return new TraceException(
                ErrorCode.FORBIDDEN_OVERSIGHT_STEP,
                what + " records an act of oversight (inspection, grading, hold or release), which only"
                        + " inspectors and regulators record, through their own transactions; role "
                        + role.word() + " may not capture it");
    }
}
