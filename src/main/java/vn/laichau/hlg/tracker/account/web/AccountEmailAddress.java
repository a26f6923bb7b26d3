package vn.laichau.hlg.tracker.account.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import vn.laichau.hlg.tracker.account.AccountEmails;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address an account may keep (empty included), by the rules of {@link AccountEmails#problem}; the
 * message says what is wrong: too long, or not an address.
 */
@Documented
@Constraint(validatedBy = AccountEmailAddress.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface AccountEmailAddress {

    String message() default "{account.email.error.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AccountEmailAddress, String> {

        @Override
        public boolean isValid(String typed, ConstraintValidatorContext context) {
            String problem = AccountEmails.problem(typed);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{" + problem + "}").addConstraintViolation();
            return false;
        }
    }
}
