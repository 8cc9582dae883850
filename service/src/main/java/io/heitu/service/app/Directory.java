package io.heitu.service.app;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.Organisation;
import io.heitu.service.ledger.wire.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The master data the forms offer as choices (organisations, products, plots), read from the
 * ledger as the signed-in user, every page of it, named in the page's language.
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
        for (Organisation org : Page.all(PAGE, bookmark -> ledger.organisations(actor, page(bookmark)))) {
            choices.add(new Choice(org.mspId(), name(org.nameZh(), org.nameEn())));
        }
        return choices;
    }

    /** The inspection bodies of the consortium: whom a party to a lot may ask to inspect it. */
    List<Choice> inspectionBodies(Enrollment actor) {
        List<Choice> choices = new ArrayList<>();
        for (Organisation org : Page.all(PAGE, bookmark -> ledger.organisations(actor, page(bookmark)))) {
            if (org.kinds().contains("inspection_body")) {
                choices.add(new Choice(org.mspId(), name(org.nameZh(), org.nameEn())));
            }
        }
        return choices;
    }

    List<ProductChoice> products(Enrollment actor) {
        List<ProductChoice> products = new ArrayList<>();
        for (var product : Page.all(PAGE, bookmark -> ledger.products(actor, page(bookmark)))) {
            products.add(new ProductChoice(
                    product.gtin(),
                    name(product.nameZh(), product.nameEn()),
                    orEmpty(product.ownerMsp()),
                    orEmpty(product.category()),
                    product.inspectionRequired()));
        }
        return products;
    }

    /** The plots and pastures an organisation farms. */
    List<Choice> plots(Enrollment actor, String mspId) {
        List<Choice> plots = new ArrayList<>();
        for (Location location : Page.all(
                PAGE, bookmark -> ledger.locations(actor, page(bookmark).put("ownerMsp", mspId)))) {
            if (location.farmed()) {
                plots.add(new Choice(location.id(), name(location.nameZh(), location.nameEn())));
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

    private ObjectNode page(String bookmark) {
        ObjectNode query = json.createObjectNode().put("pageSize", PAGE);
        return bookmark.isEmpty() ? query : query.put("bookmark", bookmark);
    }

    private static String name(String zh, String en) {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) && en != null && !en.isEmpty() ? en : orEmpty(zh);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
