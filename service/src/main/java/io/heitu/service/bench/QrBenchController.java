package io.heitu.service.bench;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.label.LabelLayout;
import io.heitu.service.label.LabelSheet;
import io.heitu.service.label.LabelText;
import io.heitu.service.label.QrRenderer;
import io.heitu.service.qr.CodeSigner;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.QrAlgorithm;
import io.heitu.service.qr.QrKeys;
import io.heitu.service.qr.Serials;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * QR rendering timed inside the service, for the benchmark: PNGs of signed unit codes on every
 * core, and one label sheet, with the codes signed beforehand so only rendering is timed. The same
 * renderer and sheet as the API uses. Only present when {@code heitu.bench.enabled=true}.
 */
@RestController
@ConditionalOnProperty(name = "heitu.bench.enabled", havingValue = "true")
class QrBenchController {

    private static final int MAX = 100_000;

    @GetMapping("/api/public/bench/qr-png")
    Map<String, Object> png(
            @RequestParam(defaultValue = "10000") int codes, @RequestParam(defaultValue = "300") int size)
            throws Exception {
        List<String> uris = codes(Math.min(codes, MAX));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int i = first; i < uris.size(); i += threads) {
                        bytes += QrRenderer.png(uris.get(i), size, ErrorCorrectionLevel.M).length;
                    }
                    return bytes;
                }));
            }
            long bytes = 0;
            for (Future<Long> part : parts) {
                bytes += part.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return Map.of(
                    "codes",
                    uris.size(),
                    "threads",
                    threads,
                    "millis",
                    Math.round(seconds * 1000),
                    "perSecond",
                    Math.round(uris.size() / seconds),
                    "averageBytes",
                    bytes / uris.size());
        } finally {
            pool.shutdown();
        }
    }

    @GetMapping("/api/public/bench/label-sheet")
    Map<String, Object> sheet(
            @RequestParam(defaultValue = "1000") int labels, @RequestParam(defaultValue = "A4_3X8") String layout) {
        List<String> uris = codes(Math.min(labels, LabelSheet.MAX_LABELS));
        LabelText text = new LabelText(
                "舒兰大米 5kg", "Shulan rice 5 kg", LabelText.DateKind.HARVEST, LocalDate.of(2026, 9, 28), true);
        long start = System.nanoTime();
        byte[] pdf = LabelSheet.a4(LabelLayout.valueOf(layout)).render(uris, text, done -> {});
        long millis = (System.nanoTime() - start) / 1_000_000;
        return Map.of("labels", uris.size(), "layout", layout, "millis", millis, "bytes", pdf.length);
    }

    /** Signed unit codes of the demo rice lot under a throwaway key, as long as real ones. */
    private static List<String> codes(int count) {
        CodeSigner signer = new CodeSigner(QrKeys.generate("RiceMillMSP", QrAlgorithm.ED25519));
        List<String> uris = new ArrayList<>(count);
        for (String serial : Serials.batch(Math.max(1, count))) {
            uris.add(signer.sign(DigitalLink.ofUnit("06901234500035", "R5-2026-1005", serial))
                    .toUri("q.heitu.cn"));
        }
        return uris;
    }
}
