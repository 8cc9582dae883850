package io.heitu.service.epcis.subscription;

import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A subscription over a WebSocket: it lives as long as the connection. A client that reconnects
 * resumes with {@code GS1-Query-InitialRecordTime} set to the last recordTime it received.
 */
final class SocketSubscription {

    private final WebSocketSession session;
    private volatile Subscription state;

    SocketSubscription(WebSocketSession session, Subscription state) {
        this.session = session;
        this.state = state;
    }

    String id() {
        return state.id();
    }

    String mspId() {
        return state.mspId();
    }

    String queryName() {
        return state.queryName();
    }

    Subscription state() {
        return state;
    }

    void update(Subscription next) {
        state = next;
    }

    /** Sends a text message; false when the connection is gone. */
    synchronized boolean send(String text) {
        if (!session.isOpen()) {
            return false;
        }
        try {
            session.sendMessage(new TextMessage(text));
            return true;
        } catch (IOException | IllegalStateException e) {
            close();
            return false;
        }
    }

    void close() {
        try {
            if (session.isOpen()) {
                session.close(CloseStatus.GOING_AWAY);
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
