package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.Multipart;
import io.heitu.service.support.Pictures;
import io.heitu.service.support.ServiceTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Evidence files through the API as the owning organisations upload them: re-encoded (no
 * metadata, no script), kept off the ledger under their hash, recorded on it, and served only
 * while the bytes still match the ledger's hash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceIT extends ServiceTest {

    static final String PADDY = "06901234500011";

    @Value("${heitu.data-dir}")
    Path dataDir;

    String lot;

    @BeforeAll
    void harvestALot() {
        String plot = "EV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api().post(
                        "farmer",
                        "/api/locations",
                        Map.of(
                                "id",
                                plot,
                                "kind",
                                "plot",
                                "nameZh",
                                "证据测试地块 " + plot,
                                "areaMu",
                                10,
                                "address",
                                Map.of("county", "舒兰市")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        lot = "EV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var harvest = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        Map.of(
                                "gtin", PADDY,
                                "lotCode", lot,
                                "quantity", Map.of("value", 500, "uom", "KGM"),
                                "plotId", plot,
                                "eventTime", ApiFlowIT.at(2, 9)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
    }

    @Test
    void a_field_photo_is_re_encoded_upright_without_its_metadata_and_served_while_it_matches_the_ledger()
            throws Exception {
        byte[] upload = Pictures.jpegWithExif(400, 200, "GPS 44.4097N 126.9651E");
        Api.Response attached = upload("farmer", "field_photo", lot, "田间 抽穗期", "field.jpg", "image/jpeg", upload);

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        JsonNode record = attached.json();
        String sha256 = record.path("sha256").asString();
        assertThat(record.path("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(record.path("attachedBy").asString()).isEqualTo("ShulanRiceCoopMSP");
        // Orientation 6 turns the 400 × 200 picture upright: 200 wide, 400 high.
        assertThat(record.path("width").asInt()).isEqualTo(200);
        assertThat(record.path("height").asInt()).isEqualTo(400);
        assertThat(attached.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("/evidence/" + sha256));
        assertThat(api().get("grocer", "/api/evidence?gtin=" + PADDY + "&lotCode=" + lot)
                        .body())
                .contains(sha256);

        HttpResponse<byte[]> served = fetch(file(sha256));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("immutable"));
        assertThat(sha256(served.body())).isEqualTo(sha256);
        assertThat(served.body()).isNotEqualTo(upload);
        String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Exif").doesNotContain("GPS 44.4097N");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(picture.getWidth()).isEqualTo(200);
        assertThat(picture.getHeight()).isEqualTo(400);

        HttpResponse<byte[]> thumbnail = fetch(file(sha256) + "&w=160");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth())
                .isEqualTo(160);
        assertThat(fetch(file(sha256) + "&w=999").statusCode()).isEqualTo(400);
        assertThat(fetch("/evidence/" + "0".repeat(64) + "?gtin=" + PADDY + "&lot=" + lot)
                        .statusCode())
                .isEqualTo(404);

        // Someone changes the kept file: it is no longer what the ledger recorded, so it is not served.
        Path kept = dataDir.resolve("evidence").resolve(sha256.substring(0, 2)).resolve(sha256);
        byte[] original = Files.readAllBytes(kept);
        byte[] altered = original.clone();
        altered[altered.length / 2] ^= 0x01;
        Files.write(kept, altered);
        HttpResponse<byte[]> refused = fetch(file(sha256));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("EVIDENCE_MISMATCH");
        Files.delete(kept);
        assertThat(fetch(file(sha256)).statusCode()).isEqualTo(404);
        Files.write(kept, original);
        assertThat(fetch(file(sha256)).statusCode()).isEqualTo(200);

        assertThat(upload("farmer", "field_photo", lot, null, "again.jpg", "image/jpeg", upload)
                        .code())
                .isEqualTo("EVIDENCE_EXISTS");
    }

    @Test
    void refuses_what_is_no_picture_too_big_or_not_the_uploaders_to_attach() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload("farmer", "field_photo", lot, null, "x.svg", "image/svg+xml", svg))
                .satisfies(r -> assertThat(r.status()).isEqualTo(422))
                .satisfies(r -> assertThat(r.code()).isEqualTo("EVIDENCE_UNREADABLE"));
        byte[] html = "<html><body onload=alert(1)>".getBytes(StandardCharsets.UTF_8);
        assertThat(upload("farmer", "field_photo", lot, null, "x.jpg", "image/jpeg", html)
                        .code())
                .isEqualTo("EVIDENCE_UNREADABLE");
        assertThat(upload("farmer", "field_photo", lot, null, "x.pdf", "application/pdf", pdf(false))
                        .code())
                .isEqualTo("EVIDENCE_UNREADABLE");
        Api.Response huge =
                upload("farmer", "field_photo", lot, null, "big.png", "image/png", Pictures.bilevelPng(8000, 6000));
        assertThat(huge.status()).as(huge.body()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("EVIDENCE_TOO_LARGE");
        byte[] heavy = new byte[16 * 1024 * 1024];
        heavy[0] = (byte) 0xFF;
        heavy[1] = (byte) 0xD8;
        heavy[2] = (byte) 0xFF;
        assertThat(upload("farmer", "field_photo", lot, null, "heavy.jpg", "image/jpeg", heavy)
                        .code())
                .isEqualTo("EVIDENCE_TOO_LARGE");

        byte[] photo = Pictures.png(300, 200);
        assertThat(upload("miller", "field_photo", lot, null, "p.png", "image/png", photo)
                        .code())
                .isEqualTo("FORBIDDEN_NOT_OWNER");
        assertThat(upload("grocer", "product_photo", lot, null, "p.png", "image/png", photo)
                        .code())
                .isEqualTo("FORBIDDEN_ROLE");
        assertThat(upload("miller", "product_photo", null, null, "p.png", "image/png", photo)
                        .code())
                .isEqualTo("FORBIDDEN_NOT_OWNER");
        assertThat(api().get("grocer", "/api/evidence?gtin=" + PADDY + "&lotCode=" + lot)
                        .body())
                .doesNotContain("image/svg")
                .doesNotContain("\"bytes\":" + heavy.length);
    }

    @Test
    void an_inspection_report_pdf_is_redrawn_so_its_script_does_not_survive() throws Exception {
        byte[] report = pdf(true);
        try (PDDocument hostile = Loader.loadPDF(report)) {
            assertThat(hostile.getDocumentCatalog().getOpenAction()).isInstanceOf(PDActionJavaScript.class);
        }
        Api.Response attached = upload("inspector", "inspection_report", lot, "报告", "r.pdf", "application/pdf", report);

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        String sha256 = attached.json().path("sha256").asString();
        assertThat(attached.json().path("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(attached.json().path("pages").asInt()).isEqualTo(1);
        HttpResponse<byte[]> served = fetch(file(sha256));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(served.body(), StandardCharsets.ISO_8859_1))
                .doesNotContain("JavaScript")
                .doesNotContain("app.alert");
        try (PDDocument clean = Loader.loadPDF(served.body())) {
            assertThat(clean.getNumberOfPages()).isEqualTo(1);
            assertThat(clean.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(clean.getDocumentCatalog().getNames()).isNull();
        }
        HttpResponse<byte[]> firstPage = fetch(file(sha256) + "&w=320");
        assertThat(ImageIO.read(new ByteArrayInputStream(firstPage.body())).getWidth())
                .isEqualTo(320);
    }

    private Api.Response upload(
            String user, String kind, String lotCode, String caption, String filename, String type, byte[] bytes) {
        Multipart form = new Multipart().field("kind", kind).field("gtin", PADDY);
        if (lotCode != null) {
            form.field("lotCode", lotCode);
        }
        if (caption != null) {
            form.field("caption", caption);
        }
        form.file("file", filename, type, bytes);
        return api().raw(user, "POST", "/api/evidence", form.contentType(), form.bytes());
    }

    private String file(String sha256) {
        return "/evidence/" + sha256 + "?gtin=" + PADDY + "&lot=" + lot;
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A one-page report; with {@code script} it runs JavaScript when opened, as hostile PDFs do. */
    private static byte[] pdf(boolean script) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                content.newLineAtOffset(72, 700);
                content.showText("Test report JL-QT-IT: cadmium 0.05 mg/kg, pass");
                content.endText();
            }
            if (script) {
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('opened');"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
