package dev.martello.web.sse;

import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to every connected page: run progress, new materializations, freshness changes. Events are
 * sent from one dispatcher thread, so a run's threads never wait on a slow browser; a client whose connection broke
 * is dropped.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "martello-sse");
        t.setDaemon(true);
        return t;
    });
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public EventHub(com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
    }

    /** Keeps the client open until it disconnects or the hub closes. */
    public void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{\"clients\":" + clients.size() + "}");
    }

    /** Sends {@code data} (serialised as JSON) as an event named {@code type} to every client. */
    public void publish(String type, Map<String, ?> data) {
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warn("Event {} could not be serialised: {}", type, e.getMessage());
            return;
        }
        dispatcher.execute(() -> {
            for (SseClient c : clients) {
                try {
                    c.sendEvent(type, body);
                    if (c.terminated()) {
                        clients.remove(c);
                    }
                } catch (RuntimeException e) {
                    clients.remove(c);
                }
            }
        });
    }

    public int clients() {
        return clients.size();
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        clients.forEach(SseClient::close);
        clients.clear();
        try {
            dispatcher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
