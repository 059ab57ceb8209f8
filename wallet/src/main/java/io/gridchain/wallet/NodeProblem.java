package io.gridchain.wallet;

import java.util.Optional;

/**
 * An RFC 9457 problem the node answered with ({@code application/problem+json}). The message is the
 * problem's {@code detail}, falling back to its {@code title}, so a CLI can print it as it is.
 */
public final class NodeProblem extends NodeClientException {
    private final int status;
    private final String type;
    private final String title;
    private final Optional<String> detail;

    public NodeProblem(int status, String type, String title, Optional<String> detail) {
        super(detail.orElse(title));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** A URI naming the kind of problem; {@code about:blank} when the node gave none. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Optional<String> detail() {
        return detail;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
