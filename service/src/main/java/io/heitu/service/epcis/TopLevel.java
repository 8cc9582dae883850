package io.heitu.service.epcis;

import io.heitu.service.epcis.cbv.Vocabulary;
import io.heitu.service.epcis.identifier.Identifiers;
import java.util.List;

/** The top-level resources of the bindings: where the read model keeps their members, and how to name one. */
enum TopLevel {
    EVENT_TYPES("eventTypes", "event_type", "eventType", false),
    BIZ_STEPS("bizSteps", "biz_step", "EQ_bizStep", false),
    DISPOSITIONS("dispositions", "disposition", "EQ_disposition", false),
    BIZ_LOCATIONS("bizLocations", "biz_location", "EQ_bizLocation", true),
    READ_POINTS("readPoints", "read_point", "EQ_readPoint", true),
    EPCS("epcs", null, "MATCH_anyEPC", true);

    /** Identifier fields listed under {@code /epcs}: instances and classes. */
    static final List<String> EPC_FIELDS =
            List.of("epc", "child", "parent", "input", "output", "class", "inputClass", "outputClass");

    private final String path;
    private final String column;
    private final String parameter;
    private final boolean identifiers;

    TopLevel(String path, String column, String parameter, boolean identifiers) {
        this.path = path;
        this.column = column;
        this.parameter = parameter;
        this.identifiers = identifiers;
    }

    static TopLevel of(String path) {
        for (TopLevel top : values()) {
            if (top.path.equals(path)) {
                return top;
            }
        }
        throw new IllegalArgumentException(path);
    }

    /** The read model's column; null for EPCs, which are kept by field. */
    String column() {
        return column;
    }

    /** The query parameter a member path stands for. */
    String parameter() {
        return parameter;
    }

    /** Whether members are identifiers (written in the client's GS1-EPC-Format). */
    boolean identifiers() {
        return identifiers;
    }

    /** A member as the read model stores it. */
    String stored(String member) {
        return switch (this) {
            case BIZ_STEPS -> Vocabulary.BIZ_STEP.word(member);
            case DISPOSITIONS -> Vocabulary.DISPOSITION.word(member);
            case EVENT_TYPES -> member;
            default -> Identifiers.canonical(member);
        };
    }
}
