package io.heitu.service.app;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.TraceLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The master data the forms offer as choices (organisations, products, plots), read from the
 * ledger as the signed-in user, named in the page's language.
 */
@Component
class Directory {

    static final int PAGE = 200;

    private final TraceLedger ledger;
    private final JsonMapper json;

    Directory(TraceLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    List<Choice> organisations(Enrollment actor) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode org : items(ledger.organisations(actor, page()))) {
            choices.add(new Choice(org.path("mspId").asString(), name(org)));
        }
        return choices;
    }

    List<Product> products(Enrollment actor) {
        List<Product> products = new ArrayList<>();
        for (JsonNode product : items(ledger.products(actor, page()))) {
            products.add(new Product(
                    product.path("gtin").asString(),
                    name(product),
                    product.path("ownerMsp").asString(""),
                    product.path("category").asString(""),
                    product.path("inspectionRequired").asBoolean(false)));
        }
        return products;
    }

    /** The plots and pastures an organisation farms. */
    List<Choice> plots(Enrollment actor, String mspId) {
        List<Choice> plots = new ArrayList<>();
        var query = page().put("ownerMsp", mspId);
        for (JsonNode location : items(ledger.locations(actor, query))) {
            String kind = location.path("kind").asString("");
            if (kind.equals("plot") || kind.equals("pasture")) {
                plots.add(new Choice(location.path("id").asString(), name(location)));
            }
        }
        return plots;
    }

    static String nameOf(List<Choice> choices, String id) {
        return choices.stream()
                .filter(choice -> choice.id().equals(id))
                .map(Choice::name)
                .findFirst()
                .orElse(id);
    }

    private tools.jackson.databind.node.ObjectNode page() {
        return json.createObjectNode().put("pageSize", PAGE);
    }

    private Iterable<JsonNode> items(String answer) {
        return json.readTree(answer).path("items");
    }

    private static String name(JsonNode node) {
        Locale locale = LocaleContextHolder.getLocale();
        String zh = node.path("nameZh").asString("");
        String en = node.path("nameEn").asString("");
        return "en".equals(locale.getLanguage()) && !en.isEmpty() ? en : zh;
    }
}
