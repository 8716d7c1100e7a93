package app.cascade.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not send (a Host header of our choosing), from a chosen
 * loopback address (127.0.0.1 and 127.0.0.2 are two different clients to the server).
 */
record RawHttp(int port, String from) {

    /** The response of one request: its status line, headers and body as text. */
    record Response(String text) {

        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        Optional<String> header(String name) {
            String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
            return Arrays.stream(head.split("\r\n")).skip(1)
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst();
        }
    }

    /** GET {@code path} with these header lines ("Name: value"); the Host line is one of them. */
    Response get(String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return new Response(response.toString(StandardCharsets.ISO_8859_1));
        }
    }
}
