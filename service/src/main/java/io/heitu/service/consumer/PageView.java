package io.heitu.service.consumer;

import io.heitu.service.evidence.Evidence;
import io.heitu.service.lot.page.LotPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the consumer page shows at a glance, worked out from a {@link Resolution} so the template
 * only lays it out: the product photo, the latest inspection, the evidence files with their check
 * against the ledger, the merchant's phone, and whether anything may be shown in reassuring green
 * (only beside a good verdict).
 */
public final class PageView {

    private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d-]{5,}\\d)");

    private final Resolution r;
    private final LotPage p;
    private final Evidence evidence;

    PageView(Resolution resolution, Evidence evidence) {
        this.r = resolution;
        this.p = resolution.page();
        this.evidence = evidence;
    }

    /** One evidence file as the page lists it. */
    public record File(
            LotPage.Evidence evidence, String href, String thumbnail, int thumbnailHeight, Evidence.Check check) {

        public boolean intact() {
            return check == Evidence.Check.INTACT;
        }
    }

    /** Green ticks, the GI badge and "passed" only beside a genuine verdict. */
    public boolean reassuring() {
        return r.genuine();
    }

    /** The verdict's severity as the page's CSS class. */
    public String tone() {
        return r.severity().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The photo for the first screen: the lot's own, else the product's, else a source lot's. */
    public File photo() {
        if (p == null) {
            return null;
        }
        return p.evidence().stream()
                .filter(file -> "product_photo".equals(file.kind()) && file.image())
                .min(Comparator.comparingInt(this::nearness))
                .map(this::file)
                .orElse(null);
    }

    /** Every file, photos first, the first-screen photo left out. */
    public List<File> files() {
        if (p == null) {
            return List.of();
        }
        File photo = photo();
        List<File> files = new ArrayList<>();
        p.evidence().stream()
                .filter(file ->
                        photo == null || !file.sha256().equals(photo.evidence().sha256()))
                .sorted(Comparator.comparingInt((LotPage.Evidence file) -> order(file.kind()))
                        .thenComparingInt(this::nearness))
                .forEach(file -> files.add(file(file)));
        return files;
    }

    /** The newest inspection of the lot or a lot it was made from; null when none. */
    public LotPage.Inspection inspection() {
        if (p == null || p.inspections().isEmpty()) {
            return null;
        }
        return p.inspections().get(p.inspections().size() - 1);
    }

    public long passed(LotPage.Inspection inspection) {
        return inspection.results().stream().filter(LotPage.Measurement::pass).count();
    }

    /** A number to call from a 承诺达标合格证's contact, when it has one that can be dialled. */
    public String phone() {
        String contact = contact();
        if (contact == null) {
            return null;
        }
        Matcher matcher = PHONE.matcher(contact);
        return matcher.find() ? matcher.group(1).replace("-", "") : null;
    }

    /** Whom the producer's 合格证 names to contact. */
    public String contact() {
        if (p == null) {
            return null;
        }
        return p.certificates().stream()
                .filter(c -> "commitment".equals(c.type()) && c.contact() != null)
                .map(LotPage.Certificate::contact)
                .findFirst()
                .orElse(null);
    }

    /** The lot's name as shop and share card give it: product, lot. */
    public String description(PageFormat f) {
        if (p == null) {
            return f.text("page.description.none");
        }
        String name = f.name(p.product().nameZh(), p.product().nameEn());
        String origin = p.origin() == null || p.origin().county() == null
                ? ""
                : p.origin().county();
        String producer = f.org(p.product().owner());
        return f.text("page.description", r.title(), name, producer, origin);
    }

    private File file(LotPage.Evidence file) {
        String href = Evidence.href(p.lot().gtin(), p.lot().lotCode(), file.sha256());
        int height = file.width() == null || file.height() == null || file.width() == 0
                ? 120
                : (int) Math.round(160.0 * file.height() / file.width());
        return new File(file, href, href + "&w=320", height, evidence.check(file.sha256()));
    }

    /** The scanned lot's own files first, then the product's, then those of the lots it came from. */
    private int nearness(LotPage.Evidence file) {
        if (file.lotCode() == null) {
            return 1;
        }
        return file.lotCode().equals(p.lot().lotCode()) ? 0 : 2;
    }

    private static int order(String kind) {
        return switch (kind) {
            case "product_photo" -> 0;
            case "field_photo" -> 1;
            case "commitment" -> 2;
            default -> 3;
        };
    }
}
