package dev.martello.core.execution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Node ids: host, process id and a random suffix, so a restarted process is a new node and never its dead self. */
public final class NodeIds {
    private NodeIds() {
    }

    public static String next() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
