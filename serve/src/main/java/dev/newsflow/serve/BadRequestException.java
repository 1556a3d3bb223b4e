package dev.newsflow.serve;

/** A request parameter is invalid; the API answers 400 with this message and the parameter's name. */
final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    BadRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
