package vn.laichau.hlg.tracker.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** Plays the part of the authenticator app on a phone. */
public final class Totp {

    private Totp() {
    }

    public static String codeFor(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
