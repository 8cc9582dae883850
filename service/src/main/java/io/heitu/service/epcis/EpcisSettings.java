package io.heitu.service.epcis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the EPCIS 2.0 interface ({@code heitu.epcis.*}).
 *
 * @param captureLimit the most events one capture takes: what one {@code event:Capture} ledger
 *     transaction holds, so that {@code rollback} is all or nothing (advertised as
 *     {@code GS1-EPCIS-Capture-Limit})
 * @param captureFileSizeLimit the largest document a capture takes, in bytes (advertised as
 *     {@code GS1-EPCIS-Capture-File-Size-Limit}); its events must also fit one ledger request
 * @param maxPerPage the most events or members one page gives
 * @param pageTokenLifetime how long a nextPageToken stays valid ({@code GS1-Next-Page-Token-Expires})
 * @param companyPrefixLength the GS1 company prefix length assumed where no EPC URN of the same
 *     prefix was ever captured, when a client asks for EPC URNs ({@code GS1-EPC-Format})
 * @param webhookTimeout how long a subscriber's endpoint may take to answer a delivery
 * @param maxRetryDelay the longest wait between two attempts of a failed delivery
 * @param webhookPrivateHosts hosts (names or address literals) a webhook may reach though they are
 *     loopback, private or link-local; none by default ({@code WebhookDestinations})
 */
@ConfigurationProperties("heitu.epcis")
public record EpcisSettings(
        @DefaultValue("500") int captureLimit,
        @DefaultValue("1048576") int captureFileSizeLimit,
        @DefaultValue("1000") int maxPerPage,
        @DefaultValue("24h") Duration pageTokenLifetime,
        @DefaultValue("7") int companyPrefixLength,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("5m") Duration maxRetryDelay,
        java.util.List<String> webhookPrivateHosts) {

    public static final int DEFAULT_PER_PAGE = 30;
}
