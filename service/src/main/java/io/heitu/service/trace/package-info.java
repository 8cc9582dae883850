/**
 * Traces for people and regulators: whole lineages ({@code lot:Lineage} page after page), the
 * lineage as an SVG picture, FSMA 204 recall reports (CSV, XLSX) and NY/T 4712 batches.
 *
 * <p>Entry point: {@link io.heitu.service.trace.TraceController}; lineages from {@link
 * io.heitu.service.trace.Lineages}.
 */
package io.heitu.service.trace;
