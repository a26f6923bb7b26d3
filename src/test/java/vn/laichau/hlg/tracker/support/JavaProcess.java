package vn.laichau.hlg.tracker.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM running a main class of this project on the test class path, so that a test can kill
 * it with SIGKILL as a power cut or an operator would. Its standard output is read line by line.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> everyLine = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private JavaProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    everyLine.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process was killed.
            }
        }, "java-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args}; its standard error goes to {@code log}. */
    public static JavaProcess start(Class<?> mainClass, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new JavaProcess(process);
    }

    /** The next line starting with {@code prefix}, skipping others; fails when none comes in time or the process ends. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("The process ended (exit " + process.exitValue() + ") before printing " + prefix);
            }
        }
        throw new AssertionError("No line starting with " + prefix + " within " + timeout);
    }

    /** Every line the process printed, once its output has ended (it was killed or it stopped). */
    public List<String> everyLine(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("The process's output did not end within " + timeout);
        }
        synchronized (everyLine) {
            return List.copyOf(everyLine);
        }
    }

    /** The last {@code count} lines printed so far, for a failure message. */
    public String lastLines(int count) {
        synchronized (everyLine) {
            return String.join("\n", everyLine.subList(Math.max(0, everyLine.size() - count), everyLine.size()));
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
    }
}
