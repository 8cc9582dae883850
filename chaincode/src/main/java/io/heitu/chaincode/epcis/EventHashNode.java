package io.heitu.chaincode.epcis;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of the XML-shaped tree that the event hash is computed over: a name, a text value and
 * child elements. The children list is mutable because writing the pre-hash string consumes the
 * elements it has written, exactly like the reference does; whatever is left over is written again,
 * sorted, at the end of the event.
 *
 * <p>A <em>pair</em> has no name: it groups the type and the value of one bizTransaction, source or
 * destination, which the reference keeps together in that order instead of sorting them.
 */
final class EventHashNode {
    private final String name;
    private final String value;
    private final List<EventHashNode> children;

    private EventHashNode(String name, String value, List<EventHashNode> children) {
        this.name = name;
        this.value = value;
        this.children = new ArrayList<>(children);
    }

    static EventHashNode element(String name, String value, List<EventHashNode> children) {
        return new EventHashNode(name, value, children);
    }

    static EventHashNode leaf(String name, String value) {
        return new EventHashNode(name, value, List.of());
    }

    static EventHashNode pair(List<EventHashNode> members) {
        return new EventHashNode(null, "", members);
    }

    boolean isPair() {
        return name == null;
    }

    boolean isNamed(String candidate) {
        return name != null && name.equals(candidate);
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    List<EventHashNode> children() {
        return children;
    }

    EventHashNode renamed(String newName) {
        return new EventHashNode(newName, value, children);
    }
}
