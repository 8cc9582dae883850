/**
 * Every failure as RFC 9457 {@code application/problem+json}: a stable code, its HTTP status, and
 * zh-CN or English texts ({@code messages*.properties}).
 *
 * <p>Entry point: {@link io.heitu.service.problem.ProblemAdvice}; codes and statuses in {@link
 * io.heitu.service.problem.ProblemCode}.
 */
package io.heitu.service.problem;
