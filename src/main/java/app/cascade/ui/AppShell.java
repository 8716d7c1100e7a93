package app.cascade.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Server push over a websocket for live updates; client-to-server traffic stays on HTTP (WEBSOCKET_XHR) so every
 * user action passes through the Spring Security filter chain. The icon ({@code META-INF/resources/favicon.ico},
 * public like Vaadin's other static paths) is named on every page, the sign-in page included.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/cascade.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "favicon.ico", "16x16 32x32 48x48");
        settings.addFavIcon("apple-touch-icon", "images/cascade-180.png", "180x180");
    }
}
