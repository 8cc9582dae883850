package io.heitu.service.epcis.subscription;

import java.time.ZoneId;

/** The clock schedules run on: China Standard Time, where the farms and their partners are. */
final class Schedules {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Schedules() {}
}
