package org.attest.api.callbacks;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/** A callback URL that {@link CallbackTargets} accepts; the message says why not, and never quotes the URL. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PublicCallbackTarget.Check.class)
@interface PublicCallbackTarget {

    String message() default "must be an http(s) URL whose host resolves to public addresses only";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks the application's {@link CallbackTargets} (Spring injects it into the validator). */
    final class Check implements ConstraintValidator<PublicCallbackTarget, String> {

        private final CallbackTargets targets;

        Check(CallbackTargets targets) {
            this.targets = targets;
        }

        @Override
        public boolean isValid(@Nullable String url, ConstraintValidatorContext context) {
            if (url == null) {
                return true;
            }
            return targets.refusal(url)
                    .map(reason -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
