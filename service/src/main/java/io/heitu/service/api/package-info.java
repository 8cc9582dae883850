/**
 * What every REST controller shares: responses that pass the chaincode's JSON through ({@link
 * io.heitu.service.api.Answers}), paging parameters, farm units (斤 to kg) and request limits.
 *
 * <p>Entry point: {@link io.heitu.service.api.Answers}.
 */
package io.heitu.service.api;
