package io.gridchain.wallet;

/**
 * The node could not be asked, or answered outside the API contract. Its subclass {@link NodeProblem}
 * is the node refusing a request. Messages are written for the person at the command line.
 */
public class NodeClientException extends RuntimeException {
    public NodeClientException(String message) {
        super(message);
    }

    public NodeClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
