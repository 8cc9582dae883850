package io.heitu.service.epcis.subscription;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * The WebSocket endpoint shares its URL with the named query's results: only requests that ask for
 * an upgrade reach it, every other GET goes on to the controller.
 */
@Configuration(proxyBeanMethods = false)
class SocketConfig {

    @Bean
    WebSocketHandlerMapping epcisSubscriptionSockets(SubscriptionSocket socket) {
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(socket, new DefaultHandshakeHandler());
        handler.setHandshakeInterceptors(List.of(socket));
        WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
        mapping.setWebSocketUpgradeMatch(true);
        mapping.setUrlMap(Map.of("/epcis/queries/*/events", handler));
        mapping.setOrder(-1);
        return mapping;
    }
}
