package io.heitu.service.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Housekeeping of the H2 file ({@code heitu.storage.*}).
 *
 * @param compactBelow rewrite the live pages of sparse chunks while the chunks are less full than
 *     this (percent of their bytes still live); 0 turns housekeeping off
 * @param every how often to look
 * @param budget the longest one look may spend rewriting, so writers wait at most this long
 */
@ConfigurationProperties("heitu.storage")
public record StorageSettings(
        @DefaultValue("50") int compactBelow,
        @DefaultValue("2s") Duration every,
        @DefaultValue("500ms") Duration budget) {}
