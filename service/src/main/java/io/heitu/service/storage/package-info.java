/**
 * The service's own H2 database file: housekeeping that H2 leaves undone when every commit is
 * written before it is acknowledged.
 */
package io.heitu.service.storage;
