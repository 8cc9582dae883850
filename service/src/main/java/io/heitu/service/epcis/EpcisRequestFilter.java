package io.heitu.service.epcis;

import io.heitu.service.epcis.cbv.CbvFormat;
import io.heitu.service.problem.ApiException;
import io.heitu.service.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST bindings' rules that hold for every request to {@code /epcis}, before anything else
 * (authentication included) looks at it: the GS1 headers on every answer, errors and OPTIONS
 * included; OPTIONS answered with 204, the allowed methods and the discovery headers; the client's
 * version headers negotiated (406 when it wants an EPCIS or CBV version other than 2.0); a URI too
 * long refused with 414 and a capture body too large with 413, before it is read.
 */
final class EpcisRequestFilter extends OncePerRequestFilter {

    static final int MAX_URI = 16_384;
    private static final Pattern VERSION = Pattern.compile("^\\d+(\\.\\d+)*$");

    private final EpcisSettings settings;
    private final Problems problems;

    EpcisRequestFilter(EpcisSettings settings, Problems problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/epcis") || path.startsWith("/epcis/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EpcisHeaders.always(response, settings);
        String below = path(request).substring("/epcis".length());
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length()) > MAX_URI) {
            refuse(request, response, "URI_TOO_LONG", null);
            return;
        }
        String refusal = negotiate(request);
        if (refusal != null) {
            refuse(
                    request,
                    response,
                    refusal.startsWith("!") ? "EPCIS_INVALID_HEADER" : "EPCIS_VERSION_NOT_SUPPORTED",
                    refusal.replace("!", ""));
            return;
        }
        if (request.getMethod().equals("OPTIONS")) {
            String allow = EpcisRoutes.allow(below);
            if (allow == null) {
                refuse(request, response, "NOT_FOUND", null);
                return;
            }
            EpcisHeaders.discovery(response, EpcisRoutes.isCapture(below));
            response.setHeader("Allow", allow);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (request.getHeader("Upgrade") == null) {
            try {
                // Before anything is done: a capture the client could not read the answer to is
                // refused (406), not made.
                Representation.negotiate(request.getHeader("Accept"), true);
            } catch (ApiException e) {
                refuse(request, response, "NOT_ACCEPTABLE", e.getMessage());
                return;
            }
        }
        String contentType = request.getContentType();
        if (query != null && (contentType == null || !contentType.regionMatches(true, 0, "multipart/", 0, 10))) {
            try {
                // Tomcat splits the query string lazily and fails on what it cannot split (an empty
                // name): here, so that it is a 400 wherever the parameters are first read.
                request.getParameterMap();
            } catch (RuntimeException e) {
                refuse(request, response, "MALFORMED_REQUEST", "the query string cannot be read: " + e.getMessage());
                return;
            }
        }
        if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
            // Spring would try to read the parts (and fail on a missing boundary) before any handler.
            refuse(request, response, "UNSUPPORTED_MEDIA_TYPE", "the EPCIS interface takes JSON, JSON-LD or XML");
            return;
        }
        if (request.getMethod().equals("POST") && request.getContentLengthLong() > settings.captureFileSizeLimit()) {
            refuse(
                    request,
                    response,
                    "PAYLOAD_TOO_LARGE",
                    "the body is larger than " + settings.captureFileSizeLimit()
                            + " bytes (GS1-EPCIS-Capture-File-Size-Limit)");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Null when the client's GS1 headers fit what we speak; else why not ('!' marks a malformed value). */
    private static String negotiate(HttpServletRequest request) {
        for (String header : new String[] {EpcisHeaders.EPCIS_VERSION, EpcisHeaders.CBV_VERSION}) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                if (!VERSION.matcher(value.strip()).matches()) {
                    return "!" + header + " is a version such as 2.0.0";
                }
                if (!major(value).equals("2")) {
                    return header + " " + value.strip() + " is not supported: this service speaks 2.0.0";
                }
            }
        }
        String[][] ranges = {
            {EpcisHeaders.EPCIS_MIN, EpcisHeaders.EPCIS_MAX}, {EpcisHeaders.CBV_MIN, EpcisHeaders.CBV_MAX}
        };
        for (String[] range : ranges) {
            String min = request.getHeader(range[0]);
            String max = request.getHeader(range[1]);
            for (String value : new String[] {min, max}) {
                if (value != null
                        && !value.isBlank()
                        && !VERSION.matcher(value.strip()).matches()) {
                    return "!" + range[0] + " and " + range[1] + " are versions such as 2.0.0";
                }
            }
            if (min != null && !min.isBlank() && compare(min.strip(), EpcisHeaders.VERSION) > 0
                    || max != null && !max.isBlank() && compare(max.strip(), EpcisHeaders.VERSION) < 0) {
                return range[0] + "/" + range[1] + " exclude 2.0.0, the only version this service speaks";
            }
        }
        String behaviour = request.getHeader(EpcisHeaders.CAPTURE_ERROR_BEHAVIOUR);
        if (behaviour != null
                && !behaviour.isBlank()
                && !behaviour.strip().equals("rollback")
                && !behaviour.strip().equals("proceed")) {
            return "!GS1-Capture-Error-Behaviour is rollback or proceed";
        }
        String format = request.getHeader(EpcisHeaders.EPC_FORMAT);
        if (format != null && !format.isBlank()) {
            try {
                EpcFormat.of(format);
            } catch (RuntimeException e) {
                return "!" + e.getMessage();
            }
        }
        String cbvFormat = request.getHeader(EpcisHeaders.CBV_XML_FORMAT);
        if (cbvFormat != null && !cbvFormat.isBlank() && !CbvFormat.valid(cbvFormat)) {
            return "!GS1-CBV-XML-Format is No_Preference, Always_Web_URI, Always_URN or Never_Translates";
        }
        return null;
    }

    private static String major(String version) {
        String text = version.strip();
        int dot = text.indexOf('.');
        return dot < 0 ? text : text.substring(0, dot);
    }

    /** Compares dotted versions part by part, missing parts as 0 (2 = 2.0 = 2.0.0). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String xi = i < x.length ? x[i] : "0";
            String yi = i < y.length ? y[i] : "0";
            int c = xi.length() != yi.length() ? Integer.compare(xi.length(), yi.length()) : xi.compareTo(yi);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code, String reason)
            throws IOException {
        problems.write(response, problems.problem(code, request, reason));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
