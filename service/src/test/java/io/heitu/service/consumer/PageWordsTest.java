package io.heitu.service.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.identity.KeyVault;
import io.heitu.service.lot.page.LotPage;
import io.heitu.service.qr.DigitalLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageWordsTest {

    static final KeyVault VAULT = new KeyVault(new byte[32]);
    static final DigitalLink LOT = DigitalLink.ofLot("06901234500035", "R5-2026-1005");

    @Nested
    class Analyte_names {

        @Test
        void a_chinese_page_shows_the_chinese_name_and_an_english_page_the_english_one() {
            assertThat(Analytes.name("毒死蜱 chlorpyrifos", false)).isEqualTo("毒死蜱");
            assertThat(Analytes.name("毒死蜱 chlorpyrifos", true)).isEqualTo("chlorpyrifos");
            assertThat(Analytes.name("镉 Cd", false)).isEqualTo("镉");
            assertThat(Analytes.name("镉 Cd", true)).isEqualTo("cadmium");
            assertThat(Analytes.name("井冈霉素", true)).isEqualTo("validamycin");
            assertThat(Analytes.name("chlorpyrifos", false)).isEqualTo("毒死蜱");
            assertThat(Analytes.name("黄曲霉毒素B1", false)).isEqualTo("黄曲霉毒素B1");
            assertThat(Analytes.name("unknown residue", false)).isEqualTo("unknown residue");
        }
    }

    @Nested
    class Previews {

        private final PreviewLinks previews = new PreviewLinks(VAULT);

        @Test
        void a_link_the_service_signed_is_a_preview_of_that_lot_until_it_expires() {
            String link = previews.link(LOT.gtin(), LOT.lot());
            String value = link.substring(link.indexOf("preview=") + 8);
            Instant now = Instant.now();

            assertThat(link).startsWith(LOT.path() + "?preview=");
            assertThat(previews.check(LOT, value, now)).isEqualTo(PreviewLinks.Check.VALID);
            assertThat(previews.check(LOT, value, now.plus(Duration.ofDays(8)))).isEqualTo(PreviewLinks.Check.EXPIRED);
            assertThat(previews.check(DigitalLink.ofLot(LOT.gtin(), "OTHER"), value, now))
                    .isEqualTo(PreviewLinks.Check.INVALID);
            assertThat(previews.check(DigitalLink.ofUnit(LOT.gtin(), LOT.lot(), "X1"), value, now))
                    .isEqualTo(PreviewLinks.Check.INVALID);
        }

        @Test
        void a_changed_expiry_or_tag_or_another_services_key_is_no_preview() {
            String link = previews.link(LOT.gtin(), LOT.lot());
            String value = link.substring(link.indexOf("preview=") + 8);
            long expiry = Long.parseLong(value.substring(0, value.indexOf('.')));
            String later = (expiry + 86_400) + value.substring(value.indexOf('.'));
            Instant now = Instant.now();

            assertThat(previews.check(LOT, later, now)).isEqualTo(PreviewLinks.Check.INVALID);
            assertThat(previews.check(LOT, value.substring(0, value.length() - 1) + "A", now))
                    .isIn(PreviewLinks.Check.INVALID, PreviewLinks.Check.VALID);
            assertThat(previews.check(LOT, value + "AA", now)).isEqualTo(PreviewLinks.Check.INVALID);
            assertThat(previews.check(LOT, "garbage", now)).isEqualTo(PreviewLinks.Check.INVALID);
            byte[] other = new byte[32];
            other[0] = 1;
            assertThat(new PreviewLinks(new KeyVault(other)).check(LOT, value, now))
                    .isEqualTo(PreviewLinks.Check.INVALID);
        }
    }

    @Nested
    class Scan_memory {

        private final ScanMemory memory = new ScanMemory(VAULT);

        @Test
        void remembers_the_codes_a_browser_was_counted_for_the_last_twenty_four() {
            DigitalLink first = DigitalLink.ofUnit(LOT.gtin(), LOT.lot(), "S0");
            var cookie = memory.of(new MockHttpServletRequest()).with(first);
            for (int i = 1; i < ScanMemory.KEEP; i++) {
                cookie = memory.of(request(cookie.getValue())).with(DigitalLink.ofUnit(LOT.gtin(), LOT.lot(), "S" + i));
            }
            assertThat(memory.of(request(cookie.getValue())).contains(first)).isTrue();
            assertThat(cookie.getPath()).isEqualTo("/01/");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");

            cookie = memory.of(request(cookie.getValue())).with(DigitalLink.ofUnit(LOT.gtin(), LOT.lot(), "NEW"));
            assertThat(memory.of(request(cookie.getValue())).contains(first)).isFalse();
            assertThat(memory.of(request(cookie.getValue())).contains(DigitalLink.ofUnit(LOT.gtin(), LOT.lot(), "NEW")))
                    .isTrue();
        }

        @Test
        void a_cookie_made_without_the_services_key_spares_no_scan() {
            var theirs = new ScanMemory(new KeyVault(new byte[] {
                        9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9
                    }))
                    .of(new MockHttpServletRequest())
                    .with(LOT);

            assertThat(memory.of(request(theirs.getValue())).contains(LOT)).isFalse();
            assertThat(memory.of(request("not base64 !")).contains(LOT)).isFalse();
        }

        private static MockHttpServletRequest request(String cookie) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setCookies(new jakarta.servlet.http.Cookie(ScanMemory.COOKIE, cookie));
            return request;
        }
    }

    @Nested
    class Origin_map {

        @Test
        void draws_a_plot_inside_jilin_with_its_outline_to_scale_and_nothing_outside() {
            LotPage.Geo field = new LotPage.Geo(
                    126.965,
                    44.41,
                    List.of(
                            new double[] {126.9601, 44.4071},
                            new double[] {126.9702, 44.4071},
                            new double[] {126.9702, 44.4123},
                            new double[] {126.9601, 44.4123},
                            new double[] {126.9601, 44.4071}));
            String svg = OriginMap.svg(field, false, "产地示意图：舒兰市 <b>");

            assertThat(svg)
                    .startsWith("<svg")
                    .endsWith("</svg>")
                    .contains("role=\"img\"")
                    .contains("长春");
            assertThat(svg).contains("aria-label=\"产地示意图：舒兰市 &lt;b&gt;\"").contains(" m</text>");
            assertThat(OriginMap.svg(new LotPage.Geo(116.4, 39.9, List.of()), false, "x"))
                    .isNull();
            assertThat(OriginMap.svg(null, false, "x")).isNull();
            assertThat(OriginMap.niceMetres(430)).isEqualTo(200);
            assertThat(OriginMap.niceMetres(1200)).isEqualTo(1000);
        }
    }
}
