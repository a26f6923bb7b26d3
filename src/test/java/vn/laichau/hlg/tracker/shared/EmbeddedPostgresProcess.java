package vn.laichau.hlg.tracker.shared;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs an embedded server in its own JVM until killed: prints {@code READY <port>} once it answers. */
public final class EmbeddedPostgresProcess {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        System.out.println("READY " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
