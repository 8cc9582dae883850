package io.heitu.service.epcis;

import io.heitu.service.epcis.CriticalEvent.Line;
import io.heitu.service.epcis.CriticalEvent.Party;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of texts in one column: each as its length, a colon and itself. Any text fits (a partner's
 * URI may hold any character, so no separator would be safe), and reading it back is a walk along
 * the string, not a parse.
 */
final class Packed {

    private Packed() {}

    static String pack(List<String> texts) {
        StringBuilder packed = new StringBuilder();
        for (String text : texts) {
            packed.append(text.length()).append(':').append(text);
        }
        return packed.toString();
    }

    static List<String> unpack(String packed) {
        List<String> texts = new ArrayList<>();
        int at = 0;
        while (at < packed.length()) {
            int colon = packed.indexOf(':', at);
            int length = Integer.parseInt(packed, at, colon, 10);
            texts.add(packed.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return texts;
    }

    static String parties(List<Party> parties) {
        List<String> texts = new ArrayList<>(parties.size() * 2);
        for (Party party : parties) {
            texts.add(party.to() ? "t" : "f");
            texts.add(party.uri());
        }
        return pack(texts);
    }

    static List<Party> partiesOf(String packed) {
        List<String> texts = unpack(packed);
        List<Party> parties = new ArrayList<>(texts.size() / 2);
        for (int i = 0; i < texts.size(); i += 2) {
            parties.add(new Party(texts.get(i).equals("t"), texts.get(i + 1)));
        }
        return parties;
    }

    /** Lines with their list by its place in {@link CriticalEvent#QUANTITY_LISTS}. */
    static String lines(List<Line> lines) {
        List<String> texts = new ArrayList<>(lines.size() * 4);
        for (Line line : lines) {
            texts.add(Integer.toString(CriticalEvent.QUANTITY_LISTS.indexOf(line.list())));
            texts.add(line.epcClass());
            texts.add(line.quantity());
            texts.add(line.unit());
        }
        return pack(texts);
    }

    static List<Line> linesOf(String packed) {
        List<String> texts = unpack(packed);
        List<Line> lines = new ArrayList<>(texts.size() / 4);
        for (int i = 0; i < texts.size(); i += 4) {
            lines.add(new Line(
                    CriticalEvent.QUANTITY_LISTS.get(Integer.parseInt(texts.get(i))),
                    texts.get(i + 1),
                    texts.get(i + 2),
                    texts.get(i + 3)));
        }
        return lines;
    }
}
