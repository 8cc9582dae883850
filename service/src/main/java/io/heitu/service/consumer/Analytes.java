package io.heitu.service.consumer;

import java.util.Locale;
import java.util.Map;

/**
 * A lab test's name in one language. Labs write names like {@code 毒死蜱 chlorpyrifos} or
 * {@code 镉 Cd}: a Chinese page shows the Chinese part, an English page the English name (from
 * this list of the usual residue and contaminant tests of GB 2762/2763, else the Latin part).
 */
final class Analytes {

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("镉", "cadmium"),
            Map.entry("铅", "lead"),
            Map.entry("汞", "mercury"),
            Map.entry("砷", "arsenic"),
            Map.entry("无机砷", "inorganic arsenic"),
            Map.entry("铬", "chromium"),
            Map.entry("毒死蜱", "chlorpyrifos"),
            Map.entry("井冈霉素", "validamycin"),
            Map.entry("五氯硝基苯", "quintozene"),
            Map.entry("克伦特罗", "clenbuterol"),
            Map.entry("莱克多巴胺", "ractopamine"),
            Map.entry("沙丁胺醇", "salbutamol"),
            Map.entry("菌落总数", "total plate count"),
            Map.entry("大肠菌群", "coliforms"),
            Map.entry("黄曲霉毒素B1", "aflatoxin B1"),
            Map.entry("吡虫啉", "imidacloprid"),
            Map.entry("多菌灵", "carbendazim"),
            Map.entry("氯虫苯甲酰胺", "chlorantraniliprole"),
            Map.entry("草甘膦", "glyphosate"),
            Map.entry("三唑磷", "triazophos"),
            Map.entry("稻瘟灵", "isoprothiolane"),
            Map.entry("水分", "moisture"));

    private Analytes() {}

    static String name(String written, boolean english) {
        if (written == null) {
            return "";
        }
        String text = written.strip();
        int latin = firstLatin(text);
        String chinese = (latin < 0 ? text : text.substring(0, latin)).strip();
        String other = latin < 0 ? "" : text.substring(latin).strip();
        boolean hasChinese = chinese.codePoints().anyMatch(Analytes::isHan);
        if (english) {
            String known = ENGLISH.get(chinese);
            if (known != null) {
                return known;
            }
            return other.isEmpty() ? text : other;
        }
        if (hasChinese) {
            return chinese;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return ENGLISH.entrySet().stream()
                .filter(entry -> entry.getValue().equals(lower))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(text);
    }

    /** Where the Latin-script part begins, after a Chinese part; -1 when there is none. */
    private static int firstLatin(String text) {
        boolean sawHan = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHan(c)) {
                sawHan = true;
            } else if (sawHan && c < 128 && Character.isLetter(c) && i > 0 && text.charAt(i - 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
