package vn.laichau.hlg.tracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The SMTP port of the one test context: chosen once per test JVM, so that the test that receives mail
 * (with GreenMail on this port) shares the context of every other test. While no GreenMail listens, a
 * mail is refused at once and the application logs it, as it would with its SMTP server away.
 */
public final class TestSmtp {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = freePort();

    private TestSmtp() {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
