/**
 * The REST API's event recordings: inputs, observations, shipping, receiving, selling,
 * transformations, aggregations and batches.
 *
 * <p>Entry point: {@link io.heitu.service.event.EventController}.
 */
package io.heitu.service.event;
