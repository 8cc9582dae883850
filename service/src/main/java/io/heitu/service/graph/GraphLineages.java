package io.heitu.service.graph;

import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.problem.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lineage questions answered from the graph read model: the same pages {@code lot:Lineage} gives,
 * without a round trip per lot. Answers state the block they reflect; a question may ask for at
 * least a block (its own write's {@code X-Block-Number}) and waits briefly for it.
 */
@Component
public class GraphLineages {

    /** How long a question waits for the graph to reach the block it asks for. */
    public static final Duration WAIT = Duration.ofSeconds(3);

    static final int MAX_PAGE = 10_000;

    private final GraphFeed feed;
    private final Ledger ledger;
    private final JsonMapper json;

    GraphLineages(GraphFeed feed, Ledger ledger, JsonMapper json) {
        this.feed = feed;
        this.ledger = ledger;
        this.json = json;
    }

    /** A page as JSON bytes and the block it reflects. */
    record Answer(byte[] json, long height) {}

    /**
     * One page, as {@code lot:Lineage} would answer it at the graph's block, written as JSON in the
     * shape asked: {@code full} ({@code lot:Lineage}'s) or {@code compact} ({@link LineageCompactJson}).
     *
     * @throws ApiException {@code INVALID_ARGUMENT}, {@code LOT_NOT_FOUND}, or {@code READ_MODEL_BEHIND}
     *     when the graph has not reached {@code minHeight} in time
     */
    Answer page(
            String gtin,
            String lotCode,
            String direction,
            Integer maxDepth,
            Integer pageSize,
            Integer offset,
            Long minHeight,
            String shape) {
        boolean compact = switch (shape == null ? "full" : shape) {
            case "full" -> false;
            case "compact" -> true;
            default -> throw new ApiException("INVALID_ARGUMENT", "shape must be full or compact");
        };
        boolean forward = switch (direction == null ? "backward" : direction) {
            case "backward" -> false;
            case "forward" -> true;
            default -> throw new ApiException("INVALID_ARGUMENT", "direction must be backward or forward");
        };
        int depth = maxDepth == null ? 64 : maxDepth;
        int size = pageSize == null ? 1_000 : pageSize;
        int from = offset == null ? 0 : offset;
        if (depth < 0 || depth > 1_000) {
            throw new ApiException("INVALID_ARGUMENT", "maxDepth must be between 0 and 1000");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new ApiException("INVALID_ARGUMENT", "pageSize must be between 1 and " + MAX_PAGE);
        }
        if (from < 0) {
            throw new ApiException("INVALID_ARGUMENT", "offset must not be negative");
        }
        awaitHeight(minHeight);
        String root = root(gtin, lotCode);
        LotGraph graph = feed.graph();
        long height = graph.height();
        if (!graph.known(root)) {
            throw new ApiException("LOT_NOT_FOUND", "lot " + gtin + "/" + lotCode + " is not on the ledger");
        }
        return new Answer(graph.lineageJson(root, forward, depth, size, from, compact, json), height);
    }

    /**
     * Every page in one direction, when the graph has caught up with the ledger (waiting briefly);
     * empty when it has not, or does not know the lot: the caller asks the chaincode instead.
     */
    public Optional<LineageGraph> whole(String gtin, String lotCode, String direction, Integer maxDepth) {
        boolean known = "backward".equals(direction) || "forward".equals(direction);
        if (!known || (maxDepth != null && (maxDepth < 0 || maxDepth > 1_000))) {
            return Optional.empty(); // the chaincode words the refusal
        }
        if (!feed.await(Math.max(0, ledger.height() - 1), WAIT)) {
            return Optional.empty();
        }
        String root = root(gtin, lotCode);
        LotGraph graph = feed.graph();
        if (!graph.known(root)) {
            return Optional.empty();
        }
        LineageGraph all = graph.lineage(
                root, "forward".equals(direction), maxDepth == null ? 64 : maxDepth, Integer.MAX_VALUE, 0);
        return Optional.of(all);
    }

    /**
     * The lots some organisation holds now that are on hold or recalled (their own flag or one
     * inherited), oldest first, once the graph reflects {@code block} (the ledger block the asking
     * page states; waiting briefly); empty when it does not: the caller asks the chaincode instead.
     */
    public Optional<List<LotClass>> heldAndFlagged(long block) {
        if (!feed.await(Math.max(0, block), WAIT)) {
            return Optional.empty();
        }
        return Optional.of(feed.graph().heldAndFlagged());
    }

    /**
     * A page of the lots {@code mspId} holds some of or made, those the latest blocks named first,
     * once the graph has reached {@code block} (waiting briefly); empty when it has not. Whether the
     * caller may list that organisation's lots is the caller's to check.
     */
    public Optional<LotKeys> ownLots(String mspId, int offset, int pageSize, long block) {
        if (!feed.await(Math.max(0, block), WAIT)) {
            return Optional.empty();
        }
        return Optional.of(feed.graph().mine(mspId, offset, pageSize));
    }

    /**
     * A page of the regulator's inspection queue (lots held somewhere with no lab result, not
     * recalled; those of the {@code first} GTINs first, then the latest named), once the graph has
     * reached {@code block} (waiting briefly); empty when it has not.
     */
    public Optional<LotKeys> awaitingInspection(java.util.Set<String> first, int offset, int pageSize, long block) {
        if (!feed.await(Math.max(0, block), WAIT)) {
            return Optional.empty();
        }
        return Optional.of(feed.graph().awaitingInspection(first, offset, pageSize));
    }

    /** The block the graph reflects now. */
    public long height() {
        return feed.height();
    }

    /** The ledger's last committed block now. */
    public long lastBlock() {
        return ledger.height() - 1;
    }

    /**
     * Waits briefly for the graph to reflect {@code minHeight}, when asked.
     *
     * @throws ApiException {@code INVALID_ARGUMENT} for a negative block or one the ledger has not
     *     committed, {@code READ_MODEL_BEHIND} when the graph does not reach it in time
     */
    public void awaitHeight(Long minHeight) {
        if (minHeight == null) {
            return;
        }
        if (minHeight < 0) {
            throw new ApiException("INVALID_ARGUMENT", "minHeight must not be negative");
        }
        if (!feed.await(minHeight, WAIT)) {
            long last = ledger.height() - 1;
            if (minHeight > last) {
                // A block the ledger has not committed: the request's mistake, not an outage.
                throw new ApiException(
                        "INVALID_ARGUMENT", "minHeight " + minHeight + " is beyond the ledger's last block, " + last);
            }
            throw new ApiException(
                    "READ_MODEL_BEHIND",
                    "the lineage graph reflects block " + feed.height() + ", not yet block " + minHeight);
        }
    }

    private static String root(String gtin, String lotCode) {
        return lotUri(gtin, lotCode);
    }

    /** A lot's EPC class URI as the chaincode writes it (and the read models key lots by). */
    public static String lotUri(String gtin, String lotCode) {
        return "https://id.gs1.org/01/" + gtin + "/10/" + LotGraph.percentEncoded(lotCode);
    }
}
