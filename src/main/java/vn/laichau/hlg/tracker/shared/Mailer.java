package vn.laichau.hlg.tracker.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a plain-text e-mail through the configured SMTP server ({@code spring.mail.host}). Without one,
 * the mail is written to the log instead, so that an installation without SMTP (and the demo) works;
 * a server that refuses is logged too: a mail that cannot leave never fails the page that sent it.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${app.mail.from:}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** @return whether the mail was handed to the SMTP server */
    public boolean send(String to, String subject, String text) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info("No SMTP server configured (spring.mail.host); mail to {} not sent: {}\n{}", to, subject, text);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            smtp.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Mail to {} not sent: {}", to, e.getMessage());
            return false;
        }
    }
}
