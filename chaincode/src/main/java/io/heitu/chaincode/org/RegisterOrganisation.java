package io.heitu.chaincode.org;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.Gs1;
import java.util.List;
import java.util.TreeSet;

/**
 * Request of {@code org:Register}. {@code companyPrefixes} are the GS1 company prefixes GS1 China
 * assigned to it (6 to 12 digits); {@code recordingDelayHours} how late it may record a step
 * (default 72 h; at most ten years, for the import of a past season's records).
 */
public record RegisterOrganisation(
        String mspId,
        String nameZh,
        String nameEn,
        List<OrgKind> kinds,
        String gln,
        String uscc,
        String county,
        List<String> companyPrefixes,
        Integer recordingDelayHours) {

    static final int MAX_PREFIXES = 20;
    static final int MAX_DELAY_HOURS = 24 * 3653;

    public RegisterOrganisation {
        mspId = Organisations.mspId(mspId);
        nameZh = Texts.required("nameZh", nameZh, Texts.NAME_MAX);
        nameEn = Texts.optional("nameEn", nameEn, Texts.NAME_MAX);
        if (kinds == null || kinds.isEmpty() || kinds.size() > OrgKind.values().length) {
            throw Texts.invalid("kinds must name at least one kind of organisation");
        }
        kinds = List.copyOf(new TreeSet<>(kinds));
        gln = gln == null ? null : Gs1.gln(gln);
        uscc = Uscc.require(uscc);
        county = Texts.optional("county", county, Texts.NAME_MAX);
        companyPrefixes = companyPrefixes == null ? List.of() : List.copyOf(new TreeSet<>(companyPrefixes));
        if (companyPrefixes.size() > MAX_PREFIXES) {
            throw Texts.invalid("at most " + MAX_PREFIXES + " company prefixes");
        }
        for (String prefix : companyPrefixes) {
            if (prefix == null || !prefix.matches("\\d{6,12}")) {
                throw Texts.invalid("a GS1 company prefix has 6 to 12 digits");
            }
        }
        if (recordingDelayHours != null && (recordingDelayHours < 1 || recordingDelayHours > MAX_DELAY_HOURS)) {
            throw Texts.invalid("recordingDelayHours must be between 1 and " + MAX_DELAY_HOURS);
        }
    }
}
