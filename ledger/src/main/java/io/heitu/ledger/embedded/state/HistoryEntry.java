package io.heitu.ledger.embedded.state;

import io.heitu.ledger.sim.KeyMod;
import io.heitu.ledger.sim.Version;

/** One history entry with the key and version it belongs to. */
public record HistoryEntry(String key, Version version, KeyMod modification) {}
