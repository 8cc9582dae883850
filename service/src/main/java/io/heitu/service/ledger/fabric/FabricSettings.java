package io.heitu.service.ledger.fabric;

import io.heitu.service.HeituProperties;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The network profile ({@code network/.run/fabric-profile.json} unless configured), read once. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "heitu.ledger.mode", havingValue = "fabric")
class FabricSettings {

    @Bean
    FabricProfile fabricProfile(HeituProperties properties) {
        Path file = properties.ledger().fabricProfile() == null
                ? Path.of("network", ".run", "fabric-profile.json")
                : properties.ledger().fabricProfile();
        return FabricProfile.read(file);
    }
}
