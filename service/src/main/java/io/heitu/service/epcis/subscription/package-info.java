/**
 * Named queries ({@code /epcis/queries}) and their subscriptions: webhooks (signed, retried with
 * backoff, delivered at least once) and WebSocket sessions, on a schedule or streaming, resumed
 * after a restart from the last record delivered.
 *
 * <p>Entry points: {@link io.heitu.service.epcis.subscription.QueriesController}, {@link
 * io.heitu.service.epcis.subscription.Deliveries}, {@link
 * io.heitu.service.epcis.subscription.SubscriptionSocket}.
 */
package io.heitu.service.epcis.subscription;
