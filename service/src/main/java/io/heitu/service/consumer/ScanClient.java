package io.heitu.service.consumer;

/**
 * Who scanned, as far as a scan signal needs to know: a keyed tag of the client's address and one
 * of its network (the IPv4 /24 or IPv6 /48 it is in), never the address itself. One client scanning
 * a code a thousand times is one client in one place; a copied code shows as many places.
 */
public record ScanClient(long client, long place) {}
