/**
 * What protects the service at the edge, before any feature runs: per-client rate limits on the
 * public endpoints ({@link io.heitu.service.web.RateLimits}), and who the client is behind a
 * trusted proxy (Tomcat's {@code RemoteIpValve}, configured by {@code server.tomcat.remoteip.*}).
 *
 * <p>Entry point: {@link io.heitu.service.web.RateLimits}.
 */
package io.heitu.service.web;
