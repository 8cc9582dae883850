package io.heitu.service.identity;

import io.heitu.service.HeituProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfig {

    @Bean
    KeyVault keyVault(HeituProperties properties) {
        return KeyVault.open(System.getenv("HEITU_MASTER_KEY"), properties.dataDir());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
