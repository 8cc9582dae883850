package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Texts;

/** A Chinese administrative address: 省, 市, 县/区, 乡镇, 村. */
public record Address(String province, String city, String county, String township, String village) {

    public Address {
        province = Texts.optional("address.province", province, Texts.NAME_MAX);
        city = Texts.optional("address.city", city, Texts.NAME_MAX);
        county = Texts.required("address.county", county, Texts.NAME_MAX);
        township = Texts.optional("address.township", township, Texts.NAME_MAX);
        village = Texts.optional("address.village", village, Texts.NAME_MAX);
    }
}
