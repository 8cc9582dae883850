package io.heitu.service.epcis;

import jakarta.servlet.http.HttpServletResponse;

/** The GS1 headers of the EPCIS 2.0 REST bindings, and what this service answers in them. */
public final class EpcisHeaders {

    public static final String EPCIS_VERSION = "GS1-EPCIS-Version";
    public static final String EPCIS_MIN = "GS1-EPCIS-Min";
    public static final String EPCIS_MAX = "GS1-EPCIS-Max";
    public static final String CBV_VERSION = "GS1-CBV-Version";
    public static final String CBV_MIN = "GS1-CBV-Min";
    public static final String CBV_MAX = "GS1-CBV-Max";
    public static final String EPC_FORMAT = "GS1-EPC-Format";
    public static final String CBV_XML_FORMAT = "GS1-CBV-XML-Format";
    public static final String EXTENSIONS = "GS1-Extensions";
    public static final String VENDOR_VERSION = "GS1-Vendor-Version";
    public static final String CAPTURE_LIMIT = "GS1-EPCIS-Capture-Limit";
    public static final String CAPTURE_FILE_SIZE_LIMIT = "GS1-EPCIS-Capture-File-Size-Limit";
    public static final String CAPTURE_ERROR_BEHAVIOUR = "GS1-Capture-Error-Behaviour";
    public static final String NEXT_PAGE_TOKEN_EXPIRES = "GS1-Next-Page-Token-Expires";
    public static final String QUERY_MIN_RECORD_TIME = "GS1-Query-Min-Record-Time";
    public static final String SIGNATURE = "GS1-Signature";

    /** The versions this service speaks: EPCIS 2.0.0 with CBV 2.0.0, nothing older. */
    public static final String VERSION = "2.0.0";

    private EpcisHeaders() {}

    /** What every answer of the EPCIS interface carries, errors included. */
    static void always(HttpServletResponse response, EpcisSettings settings) {
        response.setHeader(EPCIS_VERSION, VERSION);
        response.setHeader(CBV_VERSION, VERSION);
        response.setHeader(EXTENSIONS, EpcisDocuments.JILIN_PREFIX + "=" + EpcisDocuments.JILIN_NAMESPACE);
        response.setHeader(CAPTURE_LIMIT, Integer.toString(settings.captureLimit()));
        response.setHeader(CAPTURE_FILE_SIZE_LIMIT, Integer.toString(settings.captureFileSizeLimit()));
    }

    /** What OPTIONS answers besides: the range of versions, formats and the vendor's version. */
    static void discovery(HttpServletResponse response, boolean capture) {
        response.setHeader(EPCIS_MIN, VERSION);
        response.setHeader(EPCIS_MAX, VERSION);
        response.setHeader(CBV_MIN, VERSION);
        response.setHeader(CBV_MAX, VERSION);
        response.setHeader(EPC_FORMAT, EpcFormat.NO_PREFERENCE.header());
        response.setHeader(CBV_XML_FORMAT, "No_Preference");
        response.setHeader(VENDOR_VERSION, "heitu-trace-0.1.0");
        if (capture) {
            response.setHeader(CAPTURE_ERROR_BEHAVIOUR, "all");
        }
    }
}
