package io.heitu.service.epcis;

import io.heitu.service.epcis.cbv.Namespaces;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * SimpleEventQuery parameters as a URL carries them: list values separated by {@code |} (the
 * bindings' {@code pipeDelimited} style) or the parameter repeated; commas are part of a value.
 * Compact names are expanded with the prefixes of the {@code GS1-Extensions} header
 * ({@code prefix=namespace,prefix2=namespace2}).
 */
public final class UrlQueries {

    private UrlQueries() {}

    public static Map<String, List<String>> parameters(MultiValueMap<String, String> query, Set<String> ignored) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (ignored.contains(name)) {
                return;
            }
            List<String> split = new ArrayList<>();
            for (String value : values) {
                for (String part : value.split("\\|", -1)) {
                    split.add(part);
                }
            }
            parameters.put(name, split);
        });
        return parameters;
    }

    /** The namespace prefixes a query may use: the standard ones, ours, and the client's. */
    public static Map<String, String> prefixes(HttpServletRequest request) {
        Map<String, String> prefixes = Namespaces.of(null);
        String header = request.getHeader(EpcisHeaders.EXTENSIONS);
        if (header != null) {
            for (String declaration : header.split(",")) {
                int equals = declaration.indexOf('=');
                if (equals > 0) {
                    prefixes.put(
                            declaration.substring(0, equals).strip(),
                            declaration.substring(equals + 1).strip());
                }
            }
        }
        return prefixes;
    }
}
