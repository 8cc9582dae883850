/**
 * The REST API's lab results, grades and certificates (inspection reports, green food, organic,
 * GI authorisation, 承诺达标合格证) and the quality ranking.
 *
 * <p>Entry point: {@link io.heitu.service.inspection.InspectionController}.
 */
package io.heitu.service.inspection;
