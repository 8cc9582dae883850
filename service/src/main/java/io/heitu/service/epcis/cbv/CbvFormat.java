package io.heitu.service.epcis.cbv;

/** {@code GS1-CBV-XML-Format}: how XML answers write CBV values (URNs by default, or GS1 Web URIs). */
public enum CbvFormat {
    URN,
    WEB_URI;

    public static boolean valid(String header) {
        return switch (header.strip()) {
            case "No_Preference", "Always_Web_URI", "Always_URN", "Never_Translates" -> true;
            default -> false;
        };
    }

    public static CbvFormat of(String header) {
        return header != null && header.strip().equals("Always_Web_URI") ? WEB_URI : URN;
    }
}
