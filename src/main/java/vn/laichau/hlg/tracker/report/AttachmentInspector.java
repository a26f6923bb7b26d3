package vn.laichau.hlg.tracker.report;

import org.apache.tika.Tika;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Judges an uploaded file by its content, never by its name, reading it as a stream with its size
 * checked while reading: only PDF, DOCX, XLSX, JPEG and PNG are
 * accepted, and DOCX/XLSX (zip containers) are opened entry by entry to refuse zip bombs before anything
 * is stored.
 */
final class AttachmentInspector {

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final long MAX_REPORT_BYTES = 50L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 1_000;
    static final long MAX_UNZIPPED_BYTES = 100L * 1024 * 1024;
    static final long MAX_RATIO = 100;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png", DOCX, "docx", XLSX, "xlsx");

    private static final Tika TIKA = new Tika();

    /** At most this much of the start of a file is given to Tika to judge its type. */
    static final int DETECTION_BYTES = 64 * 1024;

    /**
     * An accepted file: its content, real type, a safe name and its SHA-256; or the message key of the
     * refusal.
     */
    record Verdict(byte[] content, String contentType, String safeName, String sha256, String errorKey) {

        boolean accepted() {
            return errorKey == null;
        }

        static Verdict refused(String key) {
            return new Verdict(null, null, null, null, key);
        }
    }

    private AttachmentInspector() {
    }

    /**
     * Reads an upload from its stream (the server keeps it in a temporary file): a file declared larger
     * than the limit is refused without reading a byte, and reading stops one byte past the limit
     * whatever the declared size, so that at most {@value #MAX_FILE_BYTES} bytes are ever held. The
     * SHA-256 is computed on the way.
     */
    static Verdict inspect(String originalName, long declaredSize, InputStream in) throws IOException {
        if (declaredSize > MAX_FILE_BYTES) {
            return Verdict.refused("report.attachment.error.tooLarge");
        }
        MessageDigest digest = newDigest();
        byte[] content;
        try (InputStream hashing = new DigestInputStream(in, digest)) {
            content = hashing.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        if (content.length == 0) {
            return Verdict.refused("report.attachment.error.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            return Verdict.refused("report.attachment.error.tooLarge");
        }
        String detected;
        try (InputStream prefix = new ByteArrayInputStream(content, 0, Math.min(content.length, DETECTION_BYTES))) {
            detected = TIKA.detect(prefix);
        } catch (IOException e) {
            return Verdict.refused("report.attachment.error.type");
        }
        String type = switch (detected) {
            case "application/pdf", "image/jpeg", "image/png" -> detected;
            case "application/zip", "application/x-tika-ooxml", DOCX, XLSX -> officeType(content);
            default -> null;
        };
        if (type == null) {
            return Verdict.refused("report.attachment.error.type");
        }
        if (type.startsWith("bomb")) {
            return Verdict.refused("report.attachment.error.bomb");
        }
        return new Verdict(content, type, safeName(originalName, EXTENSIONS.get(type)),
                HexFormat.of().formatHex(digest.digest()), null);
    }

    /**
     * Opens the container and reads every entry (declared sizes can lie), stopping as soon as a limit
     * is passed. DOCX has {@code word/document.xml}, XLSX {@code xl/workbook.xml}; anything else is refused.
     */
    private static String officeType(byte[] content) {
        boolean word = false;
        boolean excel = false;
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return "bomb";
                }
                word |= entry.getName().equals("word/document.xml");
                excel |= entry.getName().equals("xl/workbook.xml");
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_UNZIPPED_BYTES || total > MAX_RATIO * content.length) {
                        return "bomb";
                    }
                }
            }
        } catch (IOException | IllegalArgumentException broken) {
            return null;
        }
        if (word && !excel) {
            return DOCX;
        }
        if (excel && !word) {
            return XLSX;
        }
        return null;
    }

    /** Letters (with Vietnamese diacritics), digits, spaces, dots, dashes; the extension from the real type. */
    static String safeName(String originalName, String extension) {
        String name = originalName == null ? "" : originalName;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        base = Normalizer.normalize(base, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        base = base.replaceAll("^[._]+", "");
        if (base.isBlank()) {
            base = "tep-dinh-kem";
        }
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        return base + "." + extension;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(newDigest().digest(content));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
