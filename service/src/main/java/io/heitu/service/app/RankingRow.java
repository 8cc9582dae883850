package io.heitu.service.app;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One place in the quality ranking (产品品质排序): a lot or a producer and its score. */
public record RankingRow(int place, String producerMsp, String lot, String grade, String score, String tests) {

    static List<RankingRow> of(JsonNode answer, List<Choice> organisations) {
        List<RankingRow> rows = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            boolean lot = item.has("lotCode");
            rows.add(new RankingRow(
                    rows.size() + 1,
                    Directory.nameOf(organisations, item.path("producerMsp").asString("")),
                    lot
                            ? item.path("gtin").asString() + " · "
                                    + item.path("lotCode").asString()
                            : "",
                    item.path("gradeLabel").asString(""),
                    item.path("score").asString(""),
                    lot
                            ? item.path("inspectionsPassed").asString("0") + "/"
                                    + item.path("inspections").asString("0")
                            : item.path("lots").asString("")));
        }
        return rows;
    }
}
