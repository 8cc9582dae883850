package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.EpcFormat;
import io.heitu.service.epcis.EpcisHeaders;
import io.heitu.service.epcis.query.EventSearch;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.heitu.service.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * WebSocket subscriptions: {@code GET /epcis/queries/{name}/events} with {@code Upgrade: websocket}
 * and the {@code GS1-Query-*} parameters (stream, or a schedule; reportIfEmpty;
 * initialRecordTime). The handshake is authenticated like every other request; a query that is not
 * the organisation's, or parameters that are not a subscription, are refused before the upgrade
 * with a problem document.
 */
@Component
class SubscriptionSocket extends TextWebSocketHandler implements HandshakeInterceptor {

    private static final String SUBSCRIPTION = "epcis.subscription";

    private final NamedQueries queries;
    private final Deliveries deliveries;
    private final EventSearch search;
    private final CurrentUser user;
    private final Problems problems;

    SubscriptionSocket(
            NamedQueries queries, Deliveries deliveries, EventSearch search, CurrentUser user, Problems problems) {
        this.queries = queries;
        this.deliveries = deliveries;
        this.search = search;
        this.user = user;
        this.problems = problems;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
        HttpServletResponse answer = ((ServletServerHttpResponse) response).getServletResponse();
        try {
            var account = user.account();
            String name = queryName(servlet.getRequestURI());
            queries.get(account.mspId(), name);
            Map<String, String> parameters = new HashMap<>();
            servlet.getParameterMap().forEach((key, values) -> parameters.put(key, values[0]));
            attributes.put(
                    SUBSCRIPTION,
                    SubscriptionRequests.socket(
                            parameters,
                            account.mspId(),
                            name,
                            account.username(),
                            EpcFormat.of(servlet.getHeader(EpcisHeaders.EPC_FORMAT)),
                            search));
            return true;
        } catch (ApiException refused) {
            try {
                problems.write(answer, problems.problem(refused.code(), servlet, refused.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
        // nothing to do: the subscription starts with the connection
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Subscription subscription = (Subscription) session.getAttributes().get(SUBSCRIPTION);
        deliveries.register(new SocketSubscription(session, subscription));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Subscription subscription = (Subscription) session.getAttributes().get(SUBSCRIPTION);
        if (subscription != null) {
            deliveries.unregister(subscription.id());
        }
    }

    /** {@code /epcis/queries/{name}/events} → name. */
    private static String queryName(String uri) {
        List<String> segments = List.of(uri.split("/"));
        int queries = segments.indexOf("queries");
        return URLDecoder.decode(segments.get(queries + 1), StandardCharsets.UTF_8);
    }
}
