package dev.martello.marts.events;

import dev.martello.dsl.AssetContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The analytics tracking plan: every event the apps may send, declared once as Actor–Action–Object with its owning
 * team and typed properties. Events outside this plan are not exposed (see {@code events/undeclared_events_daily}).
 * Adding an event here is a reviewed code change, as with Whatnot's shared event schema.
 */
final class TrackingPlan {

    /** One declared event; {@code properties} maps each property to its SQL type. */
    record Event(String actorType, String action, String objectType, String owner, String description,
                 String properties) {
        String name() {
            return actorType + "_" + action + "_" + objectType;
        }
    }

    static final List<Event> EVENTS = List.of(
        new Event("user", "signed_up", "account", "team:identity", "A user created an account",
            "{\"referral_code\": \"varchar\"}"),
        new Event("user", "logged_in", "app", "team:identity", "A user logged in to an app", "{}"),
        new Event("user", "searched", "catalog", "team:discovery", "A user searched the catalog",
            "{\"query\": \"varchar\", \"results\": \"integer\"}"),
        new Event("user", "viewed", "product", "team:discovery", "A user opened a product page",
            "{\"source\": \"varchar\"}"),
        new Event("user", "followed", "seller", "team:discovery", "A user followed a seller", "{}"),
        new Event("user", "joined", "show", "team:live", "A user joined a livestream",
            "{\"source\": \"varchar\"}"),
        new Event("user", "left", "show", "team:live", "A user left a livestream",
            "{\"watch_seconds\": \"integer\"}"),
        new Event("user", "shared", "show", "team:live", "A user shared a livestream link",
            "{\"channel\": \"varchar\"}"),
        new Event("user", "placed", "bid", "team:live", "A user bid in a show's auction",
            "{\"amount_cents\": \"bigint\", \"lot_id\": \"bigint\"}"),
        new Event("user", "placed", "order", "team:commerce", "A user placed an order",
            "{\"total_cents\": \"bigint\", \"currency\": \"varchar\"}"),
        new Event("seller", "started", "show", "team:live", "A seller went live", "{}"),
        new Event("seller", "ended", "show", "team:live", "A seller ended a show",
            "{\"duration_seconds\": \"integer\"}"),
        new Event("system", "sent", "push_notification", "team:growth", "The platform sent a push notification",
            "{\"campaign\": \"varchar\", \"template\": \"varchar\"}"));

    private TrackingPlan() {
    }

    /** A version that changes whenever the plan does, so the asset becomes stale on every plan change. */
    static String version() {
        return "plan-" + Integer.toHexString(EVENTS.stream().map(TrackingPlan::row).collect(Collectors.joining())
            .hashCode());
    }

    /** Writes the plan into the table version being built, in one statement. */
    static void write(AssetContext ctx) throws java.sql.SQLException {
        String rows = EVENTS.stream().map(TrackingPlan::row).collect(Collectors.joining(",\n    "));
        int n = ctx.execute("insert into " + ctx.target()
            + " (event_name, actor_type, action, object_type, owning_team, description, properties_schema)"
            + "\nvalues\n    " + rows);
        ctx.log("tracking plan: " + n + " declared events");
    }

    private static String row(Event e) {
        return "(" + String.join(", ", literal(e.name()), literal(e.actorType()), literal(e.action()),
            literal(e.objectType()), literal(e.owner()), literal(e.description()), literal(e.properties())) + ")";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
