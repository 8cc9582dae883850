/**
 * Printing codes: QR images (PNG and SVG, ZXing's encoding with a faster mask choice), A4 label
 * sheets as PDF with a CJK font, what a label says, label jobs for thousands of codes, and reading a
 * code back from a photo.
 *
 * <p>Entry points: {@link io.heitu.service.label.QrRenderer}, {@link
 * io.heitu.service.label.LabelSheet}, {@link io.heitu.service.label.LabelJobs}; the REST endpoints are
 * {@link io.heitu.service.label.CodeImageController} and {@link
 * io.heitu.service.label.LabelJobController}.
 */
package io.heitu.service.label;
