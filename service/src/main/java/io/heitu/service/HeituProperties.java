package io.heitu.service;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The service's own settings ({@code heitu.*}). */
@ConfigurationProperties("heitu")
public record HeituProperties(
        @DefaultValue("./data") Path dataDir, LedgerSettings ledger, Reader reader, Demo demo, Api api) {

    /** Which ledger, and how the embedded one cuts blocks. */
    public record LedgerSettings(
            @DefaultValue("embedded") String mode,
            @DefaultValue("trace") String channel,
            @DefaultValue("trace") String chaincode,
            @DefaultValue("500") int maxBlockTransactions,
            @DefaultValue("2ms") Duration maxBlockWait,
            Path fabricProfile) {}

    /** The identity that reads the ledger on behalf of anonymous consumers. */
    public record Reader(
            @DefaultValue("JilinRegulatorMSP") String mspId,
            @DefaultValue("portal") String username) {}

    public record Demo(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("heitu-demo") String password) {}

    public record Api(@DefaultValue("1048576") int maxBodyBytes) {}
}
