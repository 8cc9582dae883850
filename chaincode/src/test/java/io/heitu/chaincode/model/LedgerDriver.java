package io.heitu.chaincode.model;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.support.Epcis;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.SigningKeys;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends steps to the chaincode on the embedded ledger's simulator, as each organisation's own
 * user, through the transactions' JSON: the same requests the service and other systems send.
 */
final class LedgerDriver {

    static final String UPSTREAM = "urn:epc:class:lgtin:4012345.012345.UP-";

    /** The world every sequence starts from, set up once: organisations, products, yields, keys. */
    private static final World TEMPLATE = template();

    final World world = TEMPLATE.copy();
    private final Map<String, Enrollment> users;

    LedgerDriver() {
        users = Map.of(
                ReferenceModel.COOP, world.farmer,
                ReferenceModel.FARM, world.ginsengFarmer,
                ReferenceModel.MILL, world.miller,
                ReferenceModel.CARRIER, world.carrier,
                ReferenceModel.MART, world.grocer,
                ReferenceModel.INSPECTION, world.inspector,
                ReferenceModel.REGULATOR, world.regulator);
    }

    private static World template() {
        World world = World.standardWithDefaultDelay();
        world.ok(
                world.regulator,
                "product:SetYield",
                of("inputGtin", World.PADDY, "outputGtin", World.MILLED_RICE, "maxRatio", new BigDecimal("0.72")));
        world.ok(world.miller, "product:License", of("gtin", World.MILLED_RICE, "mspId", World.COOP));
        world.ok(world.miller, "product:License", of("gtin", World.RICE_BAG_5KG, "mspId", World.COOP));
        world.ok(
                world.farmer,
                "qr:RegisterKey",
                of("keyId", "k-coop", "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));
        world.ok(
                world.miller,
                "qr:RegisterKey",
                of("keyId", "k-mill", "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));
        return world;
    }

    Instant now() {
        return world.ledger.now();
    }

    void tick() {
        world.ledger.advance(Duration.ofMinutes(1));
    }

    Result run(Step step) {
        Enrollment user = users.get(step.org());
        Instant now = now();
        if (step instanceof Step.Batch b) {
            return world.ledger.submit(user, "event:Batch", batch(b, now));
        }
        if (step instanceof Step.Capture c) {
            return world.ledger.submit(user, "event:Capture", capture(c, now));
        }
        if (step instanceof Step.CaptureForged f) {
            return world.ledger.submit(user, "event:Capture", forged(f, now));
        }
        return world.ledger.submit(user, ReferenceModel.transaction(step), request(step, now, 0, null));
    }

    JsonNode lot(String code) {
        Result result =
                world.query(world.regulator, "lot:Get", of("gtin", ReferenceModel.gtinOf(code), "lotCode", code));
        return result.ok() ? result.json() : null;
    }

    long codesIssued(String code) {
        JsonNode issuances = world.query(
                        world.regulator, "qr:Issuances", of("gtin", ReferenceModel.gtinOf(code), "lotCode", code))
                .json();
        long count = 0;
        for (JsonNode issuance : issuances) {
            count += issuance.path("count").asLong();
        }
        return count;
    }

    private String request(Step step, Instant now, int index, Integer line) {
        Map<String, Object> request;
        if (step instanceof Step.Harvest h) {
            request = map(
                    "gtin", World.PADDY,
                    "lotCode", h.lot(),
                    "quantity", qty(Long.toString(h.kg()), "KGM"),
                    "plotId", World.PLOT,
                    "eventTime", time(now, h.back(), index));
        } else if (step instanceof Step.Spray s) {
            request = spray(s, now, index);
        } else if (step instanceof Step.Ship s) {
            request = map(
                    "lots", lines(s.lot(), s.qty(), s.uom()),
                    "toMsp", s.to(),
                    "returnShipment", s.returned(),
                    "eventTime", time(now, s.back(), index));
            if (s.carrier() != null) {
                request.put("carrierMsp", s.carrier());
            }
        } else if (step instanceof Step.Receive r) {
            request = map("lots", lines(r.lot(), r.qty(), r.uom()), "eventTime", time(now, r.back(), index));
            if (r.from() != null) {
                request.put("fromMsp", r.from());
            }
        } else if (step instanceof Step.Consume c) {
            request = map("lots", lines(c.lot(), c.qty(), c.uom()), "eventTime", time(now, c.back(), index));
        } else if (step instanceof Step.Transform t) {
            request = map(
                    "kind", t.kind(),
                    "inputs", transformLines(t.inputs()),
                    "outputs", transformLines(t.outputs()),
                    "eventTime", time(now, t.back(), index));
        } else if (step instanceof Step.Hold h) {
            request = status(h.lot(), "抽检", null);
        } else if (step instanceof Step.Release r) {
            request = status(r.lot(), "解除", holdId(r));
        } else if (step instanceof Step.Recall r) {
            request = status(r.lot(), "召回", null);
        } else if (step instanceof Step.LabResult l) {
            request = map(
                    "gtin", ReferenceModel.gtinOf(l.lot()),
                    "lotCode", l.lot(),
                    "eventTime", time(now, l.back(), index),
                    "results",
                            list(map(
                                    "analyte",
                                    "cadmium",
                                    "value",
                                    new BigDecimal(l.pass() ? "0.05" : "0.35"),
                                    "unit",
                                    "mg/kg",
                                    "limit",
                                    new BigDecimal("0.2"))));
        } else if (step instanceof Step.IssueCodes i) {
            request = map(
                    "gtin", ReferenceModel.gtinOf(i.lot()),
                    "lotCode", i.lot(),
                    "keyId", i.org().equals(ReferenceModel.COOP) ? "k-coop" : "k-mill",
                    "count", i.count(),
                    "perUnit", true);
        } else {
            throw new IllegalArgumentException("not a single transaction: " + step);
        }
        if (line != null) {
            request.put("line", line);
        }
        return J.write(request);
    }

    private Map<String, Object> spray(Step.Spray s, Instant now, int index) {
        Map<String, Object> spray = map(
                "plotId",
                World.PLOT,
                "eventTime",
                time(now, s.back(), index),
                "inputType",
                s.phiDays() > 0 ? "insecticide" : "fertiliser",
                "productName",
                s.phiDays() > 0 ? "吡虫啉" : "尿素",
                "dose",
                BigDecimal.ONE,
                "doseUnit",
                "kg/mu");
        if (s.phiDays() > 0) {
            spray.put("phiDays", s.phiDays());
        }
        return spray;
    }

    private String holdId(Step.Release r) {
        if (r.index() < 0) {
            return null;
        }
        JsonNode lot = lot(r.lot());
        JsonNode holds = lot == null ? null : lot.at("/lot/holds");
        return holds != null && r.index() < holds.size()
                ? holds.get(r.index()).path("id").asText()
                : "00000000deadbeef";
    }

    private static Map<String, Object> status(String code, String reason, String holdId) {
        Map<String, Object> request = map("gtin", ReferenceModel.gtinOf(code), "lotCode", code, "reason", reason);
        if (holdId != null) {
            request.put("holdId", holdId);
        }
        return request;
    }

    private String batch(Step.Batch b, Instant now) {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < b.entries().size(); i++) {
            Step entry = b.entries().get(i);
            String request = request(entry, now, b.lines() ? i : 0, b.lines() ? i + 1 : null);
            entries.add(map("action", action(entry), "request", read(request)));
        }
        return of("entries", entries);
    }

    private static String action(Step step) {
        if (step instanceof Step.Consume c) {
            return c.sale() ? "sell" : "dispose";
        }
        if (step instanceof Step.Ship) {
            return "ship";
        }
        if (step instanceof Step.Receive) {
            return "receive";
        }
        if (step instanceof Step.Transform) {
            return "transform";
        }
        if (step instanceof Step.Spray) {
            return "applyInput";
        }
        throw new IllegalArgumentException("not in a batch: " + step);
    }

    private String capture(Step.Capture c, Instant now) {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < c.events().size(); i++) {
            Step step = c.events().get(i);
            String time = time(now, ReferenceModel.back(step), i);
            if (step instanceof Step.Ship s) {
                ObjectNode ship = Epcis.shipping(time, gtin(s.lot()), s.lot(), Long.toString(s.qty()), s.uom(), s.to());
                events.add(s.returned() ? ship.put("disposition", "returned") : ship);
            } else if (step instanceof Step.Receive r) {
                events.add(
                        Epcis.objectEvent("receiving", time, gtin(r.lot()), r.lot(), Long.toString(r.qty()), r.uom()));
            } else if (step instanceof Step.Consume s) {
                events.add(Epcis.objectEvent(
                        s.sale() ? "retail_selling" : "destroying",
                        time,
                        gtin(s.lot()),
                        s.lot(),
                        Long.toString(s.qty()),
                        s.uom()));
            } else if (step instanceof Step.Transform t) {
                ObjectNode transformation = Epcis.event("TransformationEvent", "commissioning", time);
                var inputs = transformation.putArray("inputQuantityList");
                t.inputs()
                        .forEach(line -> inputs.add(Epcis.line(
                                line.gtin(), line.lot(), Long.toString(line.qty()), ReferenceModel.uom(line.gtin()))));
                if (c.upstream()) {
                    inputs.add(Epcis.element(UPSTREAM + i, "10", "KGM"));
                }
                var outputs = transformation.putArray("outputQuantityList");
                t.outputs()
                        .forEach(line -> outputs.add(Epcis.line(
                                line.gtin(), line.lot(), Long.toString(line.qty()), ReferenceModel.uom(line.gtin()))));
                events.add(transformation);
            } else {
                throw new IllegalArgumentException("not captured: " + step);
            }
        }
        return Epcis.capture(events);
    }

    private String forged(Step.CaptureForged f, Instant now) {
        String time = time(now, f.back(), 0);
        ObjectNode event;
        if (f.childList()) {
            event = Epcis.event("ObjectEvent", "destroying", time).put("action", "DELETE");
            event.putArray("childQuantityList")
                    .add(Epcis.line(gtin(f.lot()), f.lot(), "1", ReferenceModel.uom(gtin(f.lot()))));
        } else {
            event = Epcis.event("TransformationEvent", null, time);
            event.putArray("inputQuantityList")
                    .add(Epcis.line(gtin(f.lot()), f.lot(), "1", ReferenceModel.uom(gtin(f.lot()))));
            event.putArray("outputQuantityList").add(Epcis.element(UPSTREAM + "SPAM", "1", "KGM"));
        }
        return Epcis.capture(List.of(event));
    }

    private static String gtin(String code) {
        return ReferenceModel.gtinOf(code);
    }

    private static List<Object> lines(String code, long qty, String uom) {
        return list(J.lot(ReferenceModel.gtinOf(code), code, Long.toString(qty), uom));
    }

    private static List<Object> transformLines(List<Step.Line> lines) {
        List<Object> out = new ArrayList<>();
        lines.forEach(line ->
                out.add(J.lot(line.gtin(), line.lot(), Long.toString(line.qty()), ReferenceModel.uom(line.gtin()))));
        return out;
    }

    static String time(Instant now, int back, int index) {
        return OffsetDateTime.ofInstant(ReferenceModel.eventTime(now, back, index), ZoneOffset.ofHours(8))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
