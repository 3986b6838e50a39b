package dev.bookrental.auth.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The password of a {@link RegisterRequest} passes the {@link PasswordPolicy}. Declared on the
 * request because the policy needs the username too; the violation names the {@code password}
 * field, so a weak password is answered like any other invalid field (400, {@code errors}).
 */
@Documented
@Constraint(validatedBy = StrongPassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StrongPassword {

    String message() default "is too weak";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies the {@link PasswordPolicy} to a request. */
    class Validator implements ConstraintValidator<StrongPassword, RegisterRequest> {

        @Override
        public boolean isValid(RegisterRequest request, ConstraintValidatorContext context) {
            return PasswordPolicy.weakness(request.username(), request.password())
                    .map(reason -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(reason)
                                .addPropertyNode("password")
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
