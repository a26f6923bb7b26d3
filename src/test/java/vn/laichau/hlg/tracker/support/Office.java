package vn.laichau.hlg.tracker.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice from the system, to render documents as a reader sees them. Where none is installed the
 * rendering checks are skipped with a visible notice, except in CI (CI=true), where a missing LibreOffice
 * fails the build (`.ci/run` installs it).
 */
public final class Office {

    private static final List<String> PROGRAMS = List.of("/usr/bin/soffice", "/usr/bin/libreoffice",
            "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice");

    private Office() {
    }

    /** Converts a DOCX to PDF with headless LibreOffice (its own profile, so runs never share one). */
    public static Path toPdf(byte[] docx, String name) throws IOException, InterruptedException {
        String program = PROGRAMS.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null);
        if (program == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must render the consolidated report, but LibreOffice is not installed");
            }
            System.out.println("*** NOTICE: rendering checks SKIPPED: no LibreOffice found (apt-get install libreoffice-writer-nogui) ***");
            Assumptions.abort("No LibreOffice on this machine");
        }
        Path dir = Files.createTempDirectory("tracker-office");
        Path input = dir.resolve(name + ".docx");
        Files.write(input, docx);
        Process process = new ProcessBuilder(program, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), input.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not convert " + name + " within 3 minutes");
        }
        Path pdf = dir.resolve(name + ".pdf");
        if (!Files.exists(pdf)) {
            throw new IllegalStateException("LibreOffice made no PDF: " + Files.readString(dir.resolve("soffice.log")));
        }
        return pdf;
    }
}
