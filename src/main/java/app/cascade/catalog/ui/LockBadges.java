package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.ItemLinkState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.Collection;

/** Small shared pieces that show locks and link states the same way on every screen. */
final class LockBadges {

    private LockBadges() {
    }

    /** A padlock badge naming one catalog lock. */
    static Span badge(CatalogLock lock) {
        Icon icon = VaadinIcon.LOCK.create();
        icon.addClassName("cascade-icon-s");
        Span badge = new Span(icon, new Span(lock.label()));
        badge.addClassName("cascade-lock");
        return badge;
    }

    static Span badges(Collection<CatalogLock> locks, String whenNone) {
        Span all = new Span();
        all.addClassName("cascade-badges");
        if (locks.isEmpty()) {
            Span none = new Span(whenNone);
            none.addClassName("cascade-empty");
            all.add(none);
        } else {
            locks.forEach(l -> all.add(badge(l)));
        }
        return all;
    }

    /** A link state with its icon: a padlock for LOCKED. */
    static Component linkState(ItemLinkState state) {
        Icon icon = switch (state) {
            case LOCKED -> VaadinIcon.LOCK.create();
            case LINKED_UNLOCKED -> VaadinIcon.LINK.create();
            case UNLINKED -> VaadinIcon.UNLINK.create();
        };
        icon.addClassName("cascade-icon-s");
        Span span = new Span(icon, new Span(state.label()));
        span.addClassName("cascade-link-state");
        span.addClassName("cascade-link-" + state.name().toLowerCase().replace('_', '-'));
        return span;
    }

    /** What the lock badges mean, shown under the catalog and course screens. */
    static Paragraph legend() {
        Icon lock = VaadinIcon.LOCK.create();
        lock.addClassName("cascade-icon-s");
        Paragraph legend = new Paragraph(lock, new Span(" Locked: the catalog pushes this Course Info field or grading "
                + "type from the master, and it is read-only on linked courses (except courses with Ignore Master Push,"
                + " and assessments, which stay editable). Anything not listed is unlocked: schools manage it and a "
                + "push leaves it alone."));
        legend.addClassName("cascade-legend");
        legend.setId("lock-legend");
        return legend;
    }
}
