package app.cascade.catalog.ui;

import com.vaadin.flow.router.BeforeEnterEvent;

import java.util.Optional;

/** The numeric query parameters of a link into a view (from a report row, for example); junk reads as absent. */
record LinkParameters(BeforeEnterEvent event) {

    Optional<Long> id(String name) {
        return event.getLocation().getQueryParameters().getSingleParameter(name).flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
