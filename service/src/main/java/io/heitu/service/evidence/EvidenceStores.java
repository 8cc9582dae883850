package io.heitu.service.evidence;

import io.heitu.service.HeituProperties;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The evidence store the settings name: local disk, or an S3-compatible bucket. */
@Configuration(proxyBeanMethods = false)
public class EvidenceStores {

    @Bean
    EvidenceStore evidenceStore(EvidenceSettings settings, HeituProperties properties) {
        if ("s3".equals(settings.store())) {
            return s3(settings.s3());
        }
        if (!"local".equals(settings.store())) {
            throw new IllegalStateException("heitu.evidence.store is local or s3, not " + settings.store());
        }
        Path dir =
                settings.dir() != null ? settings.dir() : properties.dataDir().resolve("evidence");
        return local(dir);
    }

    /** Files under {@code dir}. */
    public static EvidenceStore local(Path dir) {
        return new LocalEvidenceStore(dir);
    }

    /** A bucket of an S3-compatible store, with static keys when given, else the SDK's usual chain. */
    public static EvidenceStore s3(EvidenceSettings.S3 settings) {
        if (settings == null || settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("heitu.evidence.store=s3 needs heitu.evidence.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        builder.credentialsProvider(
                settings.accessKey() != null && !settings.accessKey().isBlank()
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        return new S3EvidenceStore(builder.build(), settings.bucket(), settings.prefix());
    }
}
