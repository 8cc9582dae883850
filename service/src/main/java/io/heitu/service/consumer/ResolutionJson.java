package io.heitu.service.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.service.lot.page.LotPage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resolution as JSON, fast, because scans come by the thousand: the lot's part (most of the
 * bytes) is serialised once per page and spliced in; the few fields that change with every scan
 * are streamed by hand instead of through reflection. The document is the same as serialising the
 * {@link Resolution} whole (a test holds them equal), with the page's fields last.
 */
@Component
class ResolutionJson {

    private final JsonMapper json;
    /**
     * By identity: a page object is immutable and replaced, never changed, when its lot changes.
     * Kept as UTF-8 without its braces, ready to splice.
     */
    private final Cache<LotPage, byte[]> pages =
            Caffeine.newBuilder().weakKeys().maximumSize(20_000).build();

    ResolutionJson(JsonMapper json) {
        this.json = json;
    }

    /** The document as UTF-8. */
    byte[] write(Resolution resolution) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            head(g, resolution);
        }
        byte[] head = out.toByteArray();
        LotPage page = resolution.page();
        if (page == null) {
            return head;
        }
        byte[] members = pages.get(page, p -> {
            byte[] whole = json.writeValueAsBytes(p);
            return Arrays.copyOfRange(whole, 1, whole.length - 1);
        });
        if (members.length == 0) {
            return head;
        }
        // head is {…}: drop its closing brace, then ",", the page's members and "}".
        byte[] document = Arrays.copyOf(head, head.length + members.length + 1);
        document[head.length - 1] = ',';
        System.arraycopy(members, 0, document, head.length, members.length);
        document[document.length - 1] = '}';
        return document;
    }

    /** The fields before the page's, as Jackson writes them (nulls left out, times ISO with offset). */
    private static void head(JsonGenerator g, Resolution r) {
        g.writeStartObject();
        Resolution.Code code = r.code();
        g.writeName("code");
        g.writeStartObject();
        string(g, "uri", code.uri());
        string(g, "gtin", code.gtin());
        string(g, "lotCode", code.lotCode());
        string(g, "serial", code.serial());
        g.writeBooleanProperty("perUnit", code.perUnit());
        string(g, "keyId", code.keyId());
        g.writeEndObject();
        string(g, "verdict", r.verdict().name());
        g.writeBooleanProperty("genuine", r.genuine());
        string(g, "severity", r.severity().name());
        string(g, "title", r.title());
        string(g, "detail", r.detail());
        string(g, "reason", r.reason());
        g.writeBooleanProperty("preview", r.preview());
        if (r.issuer() != null) {
            g.writeName("issuer");
            org(g, r.issuer());
        }
        if (r.scans() != null) {
            g.writeName("scans");
            g.writeStartObject();
            g.writeNumberProperty("count", r.scans().count());
            g.writeNumberProperty("afterSoldOut", r.scans().afterSoldOut());
            time(g, "firstAt", r.scans().firstAt());
            g.writeNumberProperty("clients", r.scans().clients());
            g.writeNumberProperty("places", r.scans().places());
            g.writeNumberProperty("clientsAfterSoldOut", r.scans().clientsAfterSoldOut());
            time(g, "lastAt", r.scans().lastAt());
            g.writeEndObject();
        }
        if (r.freeze() != null) {
            g.writePOJOProperty("freeze", r.freeze());
        }
        Resolution.Ledger ledger = r.ledger();
        g.writeName("ledger");
        g.writeStartObject();
        string(g, "kind", ledger.kind());
        g.writeBooleanProperty("verified", ledger.verified());
        time(g, "checkedAt", ledger.checkedAt());
        if (ledger.proof() != null) {
            g.writeName("proof");
            g.writeStartObject();
            string(g, "txId", ledger.proof().txId());
            g.writeNumberProperty("blockNumber", ledger.proof().blockNumber());
            string(g, "blockHash", ledger.proof().blockHash());
            time(g, "committedAt", ledger.proof().committedAt());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void org(JsonGenerator g, LotPage.Org org) {
        g.writeStartObject();
        string(g, "mspId", org.mspId());
        string(g, "nameZh", org.nameZh());
        string(g, "nameEn", org.nameEn());
        string(g, "uscc", org.uscc());
        string(g, "county", org.county());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static void time(JsonGenerator g, String name, OffsetDateTime value) {
        if (value != null) {
            g.writeStringProperty(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }
}
