package app.cascade.push.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this app instance among the nodes that share one database: {@code cascade.node-name}
 * ({@code CASCADE_NODE_NAME}), or the host name and process id when it is blank. Stored on each push request it runs.
 */
@Component
public class NodeName {

    private final String name;

    public NodeName(@Value("${cascade.node-name:}") String configured) {
        this.name = configured == null || configured.isBlank() ? hostName() + "-" + ProcessHandle.current().pid()
                : configured.trim();
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
