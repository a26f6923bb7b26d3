package vn.laichau.hlg.tracker.durability;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import vn.laichau.hlg.tracker.TrackerApplication;
import vn.laichau.hlg.tracker.shared.AuditEvent;
import vn.laichau.hlg.tracker.shared.EmbeddedPostgresServer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application with its embedded PostgreSQL, saving without pause until it is killed: several
 * threads each commit one audit entry at a time through the application's own transaction manager and
 * listener, and print {@code ACK <run>:<n> .} once the commit has returned. Prints {@code READY <port>} (the
 * embedded database's port) before the load starts.
 *
 * <p>Arguments: the run's name (written with every entry), then the application's own arguments.
 */
public final class SavingUnderLoadApplication {

    private static final int WRITERS = 4;

    public static void main(String[] args) {
        String run = args[0];
        String[] applicationArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = SpringApplication.run(TrackerApplication.class, applicationArgs);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        ApplicationEventPublisher events = context;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY " + context.getBean(EmbeddedPostgresServer.class).port());
        AtomicLong next = new AtomicLong();
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    long n = next.incrementAndGet();
                    String target = run + ":" + n;
                    transactions.executeWithoutResult(status -> events.publishEvent(
                            new AuditEvent("DURABILITY_PROBE", "durability", "127.0.0.1", target, null, "lưu " + n)));
                    synchronized (out) {
                        out.println("ACK " + target + " .");
                    }
                }
            }, "writer-" + i);
            writer.start();
        }
    }
}
