package io.heitu.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 GET client on one kept-alive connection, for load where the client shares
 * the machine's two cores with the server: it parses only the status, Content-Length or chunks,
 * and hands back the body's bytes, so the measured cost is the server's. Not thread-safe: one per
 * client thread.
 */
final class RawHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** A response's status and body. */
    record Response(int status, byte[] body) {

        /**
         * Whether the body's first {@code within} bytes hold the ASCII text (JSON keys and enum
         * values are ASCII). Bounded, because scanning a whole large body costs the client CPU the
         * server then lacks.
         */
        boolean contains(String ascii, int within) {
            byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
            int last = Math.min(body.length, within) - needle.length;
            outer:
            for (int i = 0; i <= last; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (body[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    Response get(String path, String accept, String authorization) throws IOException {
        return get(path, accept, authorization, null);
    }

    /** As above, naming the client as a trusted proxy would ({@code X-Forwarded-For}). */
    Response get(String path, String accept, String authorization, String forwardedFor) throws IOException {
        return get(path, accept, authorization, forwardedFor, null);
    }

    /** As above, in a web app session ({@code Cookie}). */
    Response get(String path, String accept, String authorization, String forwardedFor, String cookie)
            throws IOException {
        if (socket == null) {
            connect();
        }
        StringBuilder request = new StringBuilder(256)
                .append("GET ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nAccept: ")
                .append(accept)
                .append("\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (forwardedFor != null) {
            request.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
        }
        if (cookie != null) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        byte[] body = chunked ? chunks() : in.readNBytes((int) Math.max(0, length));
        if (close) {
            close();
        }
        return new Response(code, body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                size > 0;
                size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toByteArray();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
