package io.heitu.service;

import io.heitu.service.api.RequestLimits;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Heitu Trace: farm-to-shelf traceability for Jilin produce. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HeituApplication {

    static {
        RequestLimits.applyJsonLimits();
    }

    public static void main(String[] args) {
        SpringApplication.run(HeituApplication.class, args);
    }
}
