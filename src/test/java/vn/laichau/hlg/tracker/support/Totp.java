package vn.laichau.hlg.tracker.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** Plays the part of the authenticator app on a phone. */
public final class Totp {

    private Totp() {
    }

    /** The code of the time step {@code stepsAhead} after the current one (within the server's window of one). */
    public static String codeFor(String secret, int stepsAhead) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30 + stepsAhead);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six digits that are the code of none of the steps the server accepts now. */
    public static String wrongCodeFor(String secret) {
        java.util.Set<String> valid = java.util.Set.of(codeFor(secret, -1), codeFor(secret, 0), codeFor(secret, 1),
                codeFor(secret, 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate * 7919 % 1_000_000);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    public static String codeFor(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
