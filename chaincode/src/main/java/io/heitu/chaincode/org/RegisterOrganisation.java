package io.heitu.chaincode.org;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.Gs1;
import java.util.List;
import java.util.TreeSet;

/** Request of {@code org:Register}. */
public record RegisterOrganisation(
        String mspId, String nameZh, String nameEn, List<OrgKind> kinds, String gln, String uscc, String county) {

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
    }
}
