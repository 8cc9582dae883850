package io.heitu.service.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits on what anyone may call without an account ({@code heitu.limits.*}). A
 * client is its address as the container sees it: behind a proxy, only one listed in {@code
 * server.tomcat.remoteip.internal-proxies} may name the client in {@code X-Forwarded-For}.
 *
 * @param enabled off only for tests and benchmarks that want the server's own ceiling
 * @param publicBurst requests a client may make at once to the resolver and the public API
 * @param publicPerSecond requests per second it may keep making; mobile carriers put many phones
 *     behind one address (CGNAT), so this is set for a street of shoppers, not for one phone
 * @param decodeBurst photo uploads a client may make at once ({@code POST /api/public/decode})
 * @param decodePer one more photo upload per this long
 * @param clients clients remembered at most (least recently seen dropped first)
 */
@ConfigurationProperties("heitu.limits")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") int publicBurst,
        @DefaultValue("50") int publicPerSecond,
        @DefaultValue("10") int decodeBurst,
        @DefaultValue("6s") Duration decodePer,
        @DefaultValue("200000") int clients) {}
