package vn.laichau.hlg.tracker.reorganisation.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An uploaded file waiting for confirmation, kept in the session (which lives in the database), so that
 * what is saved is exactly what was previewed; the confirmation names it by a random token.
 */
record PendingUpload(String token, String fileName, byte[] content, String sha256) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final long MAX_BYTES = 1024 * 1024;

    static PendingUpload of(String fileName, byte[] content) {
        try {
            return new PendingUpload(UUID.randomUUID().toString(), fileName == null ? "" : fileName, content,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
