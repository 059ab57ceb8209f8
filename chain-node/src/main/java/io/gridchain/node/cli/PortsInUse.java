package io.gridchain.node.cli;

import io.gridchain.node.api.ApiServer;
import java.net.BindException;
import java.util.Optional;

/**
 * A node that cannot bind one of its ports, said in one line that names the port and the flag that
 * changes it. The API's bind failure comes as {@link ApiServer.PortInUse}; a bare {@link BindException} is the
 * libp2p listener's, the only other socket a starting node binds.
 */
record PortsInUse(String apiHost, int apiPort, String p2pHost, int p2pPort) {
    /** The failure of a start as the user should read it: one line for a port, else the failure itself. */
    Exception explain(Exception failure) {
        return reason(failure).<Exception>map(CliException::new).orElse(failure);
    }

    Optional<String> reason(Throwable failure) {
        BindException bind = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiServer.PortInUse) {
                return Optional.of(inUse("API", apiHost, apiPort, "--api-port"));
            }
            if (t instanceof BindException b && bind == null) {
                bind = b;
            }
        }
        if (bind == null) {
            return Optional.empty();
        }
        String message = String.valueOf(bind.getMessage());
        return Optional.of(message.contains("in use") ? inUse("p2p", p2pHost, p2pPort, "--p2p-port")
                : "cannot listen for p2p on " + p2pHost + ":" + p2pPort + " (" + message + "); check --p2p-host and --p2p-port");
    }

    private static String inUse(String what, String host, int port, String flag) {
        return what + " port " + port + " on " + host + " is already in use; choose another with " + flag;
    }
}
