package io.heitu.service.epcis;

import io.heitu.service.epcis.query.EventSearch;
import io.heitu.service.epcis.query.QueryParameters;
import io.heitu.service.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * nextPageTokens: where the next page starts, for which query, until when. A token is signed with a
 * key only this service holds, so it cannot be forged or pointed at another query; it names the
 * fingerprint of the query that issued it, and a request with different parameters is refused
 * rather than answered from a stranger's position. Released tokens ({@code DELETE
 * /nextPageToken/{token}}) are remembered until they would have expired.
 */
@Component
public class PageTokens {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EpcisSettings settings;
    private volatile byte[] key;

    PageTokens(JdbcClient jdbc, JsonMapper json, EpcisSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
    }

    /** A page's token and when it expires. */
    public record Issued(String token, OffsetDateTime expires) {}

    public Issued issue(String fingerprint, EventSearch.Cursor cursor) {
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC)
                .plus(settings.pageTokenLifetime())
                .withNano(0);
        ObjectNode body = json.createObjectNode()
                .put("id", HexFormat.of().formatHex(random(12)))
                .put("q", fingerprint)
                .put("e", expires.toEpochSecond())
                .put("k", cursor.key())
                .put("d", cursor.digest())
                .put("o", cursor.offset())
                .put("n", cursor.returned());
        String payload = encode(json.writeValueAsBytes(body));
        return new Issued(payload + "." + encode(sign(payload)), expires);
    }

    /** The cursor of a token this service issued for this query, still valid. */
    public EventSearch.Cursor read(String token, String fingerprint) {
        JsonNode body = verified(token);
        if (body == null || !fingerprint.equals(body.path("q").asString(""))) {
            throw QueryParameters.invalid("nextPageToken was not issued for this query");
        }
        if (Instant.ofEpochSecond(body.path("e").asLong()).isBefore(Instant.now())) {
            throw QueryParameters.invalid("nextPageToken has expired");
        }
        Long released = jdbc.sql("SELECT COUNT(*) FROM epcis_page_token_released WHERE token_id = ?")
                .param(body.path("id").asString(""))
                .query(Long.class)
                .single();
        if (released > 0) {
            throw QueryParameters.invalid("nextPageToken was released");
        }
        return new EventSearch.Cursor(
                body.path("k").asString(""),
                body.path("d").asString(""),
                body.path("o").asInt(),
                body.path("n").asInt());
    }

    /** Releases a token: it will not be accepted again. A token that is not ours releases nothing. */
    public void release(String token) {
        JsonNode body = verified(token);
        if (body == null) {
            return;
        }
        OffsetDateTime expires =
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(body.path("e").asLong()), ZoneOffset.UTC);
        jdbc.sql("MERGE INTO epcis_page_token_released (token_id, expires_at) KEY (token_id) VALUES (?, ?)")
                .params(body.path("id").asString(""), expires)
                .update();
        jdbc.sql("DELETE FROM epcis_page_token_released WHERE expires_at < ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private JsonNode verified(String token) {
        if (token == null || token.length() > 2048) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return null;
            }
            return json.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signing key, made once and kept with the service's data: tokens outlive a restart. */
    private byte[] key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    String stored = jdbc.sql("SELECT secret FROM epcis_secret WHERE name = 'page-token'")
                            .query(String.class)
                            .optional()
                            .orElse(null);
                    if (stored == null) {
                        stored = HexFormat.of().formatHex(random(32));
                        jdbc.sql("MERGE INTO epcis_secret (name, secret) KEY (name) VALUES ('page-token', ?)")
                                .param(stored)
                                .update();
                    }
                    key = HexFormat.of().parseHex(stored);
                }
            }
        }
        return key;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Refused tokens and cursors share the query's exception. */
    static ApiException invalid(String reason) {
        return QueryParameters.invalid(reason);
    }
}
