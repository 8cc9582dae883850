package io.heitu.chaincode.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of a generated sequence: what an organisation asks of the ledger, as plain data, so a
 * sequence can be replayed, shrunk and printed as a regression test. {@code back} is how many
 * hours before the ledger's clock the step's event is dated; {@code lot} names lots by the short
 * codes the generator made.
 */
sealed interface Step {

    /** The organisation that submits the step. */
    String org();

    /** The step as Java source for a regression test. */
    String java();

    /** The transaction that records it. */
    String transaction();

    /** Hours before the ledger's clock its event is dated (0 for steps dated by the ledger). */
    default int back() {
        return 0;
    }

    /** The lots it names by code (batches and captures: none of their own). */
    default List<String> lots() {
        return List.of();
    }

    record Harvest(String org, String lot, long kg, int back) implements Step {
        public String transaction() {
            return "lot:Commission";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Harvest(%s, \"%s\", %d, %d)".formatted(q(org), lot, kg, back);
        }
    }

    record Spray(String org, int phiDays, int back) implements Step {
        public String transaction() {
            return "event:ApplyInput";
        }

        public String java() {
            return "new Step.Spray(%s, %d, %d)".formatted(q(org), phiDays, back);
        }
    }

    /** A shipment; {@code returned} sends goods back; {@code uom} other than the lot's is a unit mistake. */
    record Ship(String org, String lot, long qty, String uom, String to, String carrier, boolean returned, int back)
            implements Step {
        public String transaction() {
            return "event:Ship";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Ship(%s, \"%s\", %d, \"%s\", %s, %s, %b, %d)"
                    .formatted(q(org), lot, qty, uom, q(to), q(carrier), returned, back);
        }
    }

    record Receive(String org, String lot, long qty, String uom, String from, int back) implements Step {
        public String transaction() {
            return "event:Receive";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Receive(%s, \"%s\", %d, \"%s\", %s, %d)".formatted(q(org), lot, qty, uom, q(from), back);
        }
    }

    /** A retail sale ({@code sale}) or a disposal. */
    record Consume(String org, String lot, long qty, String uom, boolean sale, int back) implements Step {
        public String transaction() {
            return sale ? "event:Sell" : "event:Dispose";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Consume(%s, \"%s\", %d, \"%s\", %b, %d)".formatted(q(org), lot, qty, uom, sale, back);
        }
    }

    /** Lots going into a transformation or coming out of it, in their own units. */
    record Line(String gtin, String lot, long qty) {
        String java() {
            return "new Step.Line(\"%s\", \"%s\", %d)".formatted(gtin, lot, qty);
        }
    }

    record Transform(String org, String kind, List<Line> inputs, List<Line> outputs, int back) implements Step {
        public String transaction() {
            return "event:Transform";
        }

        public String java() {
            return "new Step.Transform(%s, \"%s\", %s, %s, %d)"
                    .formatted(q(org), kind, lines(inputs), lines(outputs), back);
        }
    }

    record Hold(String org, String lot) implements Step {
        public String transaction() {
            return "lot:Hold";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Hold(%s, \"%s\")".formatted(q(org), lot);
        }
    }

    /** A release naming the lot's own hold at {@code index}, or none ({@code -1}). */
    record Release(String org, String lot, int index) implements Step {
        public String transaction() {
            return "lot:Release";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Release(%s, \"%s\", %d)".formatted(q(org), lot, index);
        }
    }

    record Recall(String org, String lot) implements Step {
        public String transaction() {
            return "lot:Recall";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.Recall(%s, \"%s\")".formatted(q(org), lot);
        }
    }

    record LabResult(String org, String lot, boolean pass, int back) implements Step {
        public String transaction() {
            return "inspection:RecordLabResult";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.LabResult(%s, \"%s\", %b, %d)".formatted(q(org), lot, pass, back);
        }
    }

    record IssueCodes(String org, String lot, int count) implements Step {
        public String transaction() {
            return "qr:RecordIssuance";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.IssueCodes(%s, \"%s\", %d)".formatted(q(org), lot, count);
        }
    }

    /** Several movements in one {@code event:Batch}; equal entries without lines are one event twice. */
    record Batch(String org, List<Step> entries, boolean lines) implements Step {
        public String transaction() {
            return "event:Batch";
        }

        public String java() {
            return "new Step.Batch(%s, List.of(%s), %b)"
                    .formatted(q(org), entries.stream().map(Step::java).collect(Collectors.joining(", ")), lines);
        }
    }

    /**
     * Movements and transformations as EPCIS events in one {@code event:Capture}. A captured
     * transformation may add an input the ledger does not know ({@code upstream}).
     */
    record Capture(String org, List<Step> events, boolean upstream) implements Step {
        public String transaction() {
            return "event:Capture";
        }

        public String java() {
            return "new Step.Capture(%s, List.of(%s), %b)"
                    .formatted(q(org), events.stream().map(Step::java).collect(Collectors.joining(", ")), upstream);
        }
    }

    /** An attack through capture: a lot of a registered product named before it exists, or in the wrong list. */
    record CaptureForged(String org, String lot, boolean childList, int back) implements Step {
        public String transaction() {
            return "event:Capture";
        }

        public List<String> lots() {
            return List.of(lot);
        }

        public String java() {
            return "new Step.CaptureForged(%s, \"%s\", %b, %d)".formatted(q(org), lot, childList, back);
        }
    }

    private static String q(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String lines(List<Line> lines) {
        return "List.of(" + lines.stream().map(Line::java).collect(Collectors.joining(", ")) + ")";
    }
}
