package dev.bookrental.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem details for every error of a servlet service: a stable {@code type} per kind
 * of error (see {@link ProblemTypes}), and for bad input the name of every offending field or
 * parameter in {@code errors}, so a client can tell the user what to fix. Never a 500 for bad input.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** One offending input: where it was ({@code parameter} or {@code field}) and what is wrong. */
    public record InvalidInput(String name, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
        return invalidParameters(List.of(new InvalidInput(name, "must be " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidParameters(List.of(new InvalidInput(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // With constraints on a path variable the whole method is validated, so errors of a
        // @RequestBody arrive here too: they are named by their field, as for @Valid alone.
        List<InvalidInput> parameterErrors = new java.util.ArrayList<>();
        List<InvalidInput> bodyErrors = new java.util.ArrayList<>();
        for (var result : ex.getParameterValidationResults()) {
            boolean body = result.getMethodParameter().hasParameterAnnotation(RequestBody.class);
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String name = body && error instanceof FieldError field ? field.getField()
                        : fieldName(error, result.getMethodParameter().getParameterName());
                (body ? bodyErrors : parameterErrors).add(new InvalidInput(name, error.getDefaultMessage()));
            }
        }
        if (parameterErrors.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_BODY, "Invalid request body",
                    describe(bodyErrors), Map.of("errors", bodyErrors));
        }
        parameterErrors.addAll(bodyErrors);
        return invalidParameters(parameterErrors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidInput(error.getField(), error.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_BODY, "Invalid request body",
                describe(errors), Map.of("errors", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InvalidInput error = bodyError(ex);
        if (error == null) {
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_BODY, "Invalid request body",
                    "The request body is missing or is not valid JSON.", Map.of());
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_BODY, "Invalid request body",
                describe(List.of(error)), Map.of("errors", List.of(error)));
    }

    /** The field a JSON body was wrong about (unknown field, wrong type), named by its path. */
    private static InvalidInput bodyError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                String path = path(json.getPath());
                String message = t instanceof UnrecognizedPropertyException ? "is not a known field"
                        : t instanceof MismatchedInputException ? "has the wrong type or format"
                        : "is not valid";
                return new InvalidInput(path, message);
            }
        }
        return null;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "No resource at " + ex.getResourcePath() + ".", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
                ex.getMessage(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", ex.getMessage(), Map.of());
    }

    /** Anything a service did not expect: logged with its stack, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            return ResponseEntity.status(errorResponse.getStatusCode()).body(errorResponse.getBody());
        }
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "The service failed to answer; the error has been logged.", Map.of());
    }

    private ResponseEntity<Object> invalidParameters(List<InvalidInput> errors) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Invalid request parameter",
                describe(errors), Map.of("errors", errors));
    }

    static ResponseEntity<Object> problem(HttpStatus status, URI type, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        new LinkedHashMap<>(properties).forEach(body::setProperty);
        return ResponseEntity.status(status).body(body);
    }

    private static String describe(List<InvalidInput> errors) {
        return String.join("; ", errors.stream().map(e -> "'" + e.name() + "' " + e.message()).toList());
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a whole number";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String fieldName(MessageSourceResolvable error, String parameter) {
        return error instanceof FieldError field ? parameter + "." + field.getField() : parameter;
    }
}
