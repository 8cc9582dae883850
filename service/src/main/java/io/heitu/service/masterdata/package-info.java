/**
 * The REST API's organisations (with their CAs), locations (plots with black-soil data, mills,
 * stores) and products.
 *
 * <p>Entry point: {@link io.heitu.service.masterdata.MasterDataController}.
 */
package io.heitu.service.masterdata;
