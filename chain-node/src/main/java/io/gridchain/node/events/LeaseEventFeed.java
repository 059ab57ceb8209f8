package io.gridchain.node.events;

import io.gridchain.capacity.CapacityStore;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.exec.Receipt;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Event;
import io.gridchain.node.chain.BlockListener;
import io.gridchain.node.chain.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease changes of each committed block (from its receipts and its end-of-block events), handed to the
 * subscribers of the node they concern. Delivery runs on its own thread, so a slow subscriber never
 * holds up the block producer; events of one block reach a subscriber in block order.
 */
public final class LeaseEventFeed implements BlockListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseEventFeed.class);

    /** One lease change: its type ({@code lease.created}, {@code lease.grace}, {@code lease.ended}, …). */
    public record LeaseEvent(long height, Address node, long leaseId, String type, Map<String, String> attributes) {}

    private record Subscriber(Address node, Consumer<LeaseEvent> sink) {}

    private final Ledger ledger;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lease-events");
        t.setDaemon(true);
        return t;
    });

    public LeaseEventFeed(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Subscribes to the lease changes of {@code node}; closing the result unsubscribes. */
    public AutoCloseable subscribe(Address node, Consumer<LeaseEvent> sink) {
        Subscriber s = new Subscriber(node, sink);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void committed(long height) {
        if (subscribers.isEmpty()) {
            return;
        }
        delivery.execute(() -> deliver(height));
    }

    private void deliver(long height) {
        try {
            for (LeaseEvent e : leaseEvents(height)) {
                for (Subscriber s : subscribers) {
                    if (s.node().equals(e.node())) {
                        s.sink().accept(e);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("lease events of block {} not delivered", height, e);
        }
    }

    /** The lease events of block {@code height}: transactions' first, then the end-of-block ones. */
    List<LeaseEvent> leaseEvents(long height) {
        List<Event> events = new ArrayList<>();
        if (height > ledger.head().height()) {
            return List.of();
        }
        for (Receipt r : ledger.store().receipts(height)) {
            events.addAll(r.events());
        }
        events.addAll(ledger.store().blockEvents(height));
        StateReader state = ledger.state();
        List<LeaseEvent> out = new ArrayList<>();
        for (Event e : events) {
            if (!e.type().startsWith("lease.") || !e.attributes().containsKey("lease")) {
                continue;
            }
            long id = Long.parseLong(e.attributes().get("lease"));
            Optional<Address> node = Optional.ofNullable(e.attributes().get("node")).map(Address::require)
                    .or(() -> CapacityStore.LEASES.get(state, id).map(l -> l.node()));
            node.ifPresent(n -> out.add(new LeaseEvent(height, n, id, e.type(), e.attributes())));
        }
        return out;
    }

    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
