package app.cascade.exchange.ui;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.KaribuSession;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the district import: a rejected file shows as rejected (no ✓) with every problem and its JSON path, and
 * the next file is taken at once (the view empties the browser's file list after each outcome, which only a browser
 * can observe).
 */
@CascadeIntegrationTest
class DistrictDataKaribuIT {

    static final String TWO_PROBLEMS = """
            {"format": "cascade.district/v1",
             "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2027-06-04", "colour": "red"}],
             "catalogs": [], "schools": [], "extra": true}
            """;
    static final String NOTHING = """
            {"format": "cascade.district/v1", "schoolYears": [], "catalogs": [], "schools": []}
            """;

    @Autowired
    ApplicationContext context;

    DistrictDataView view;

    @BeforeEach
    void open() {
        DistrictFixture.in("alpha", context).wipe();
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("district-data");
        view = _get(DistrictDataView.class);
    }

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    private void upload(String fileName, String json) {
        view.show(view.receive(fileName, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String result() {
        return get_textRecursively(_get(Div.class, spec -> spec.withId("district-import-result")));
    }

    @Test
    void a_rejected_file_shows_as_rejected_with_every_problem_and_its_path() {
        upload("bad.json", TWO_PROBLEMS);

        assertThat(result()).contains("bad.json was rejected: nothing was imported", "these 2 problems")
                .doesNotContain("more problem");
        List<ListItem> problems = _find(ListItem.class);
        assertThat(problems).hasSize(2);
        assertThat(problems).extracting(p -> get_textRecursively(p))
                .anySatisfy(p -> assertThat(p).startsWith("$.schoolYears[0]").contains("colour"))
                .anySatisfy(p -> assertThat(p).startsWith("$").contains("extra"));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("cascade-import-rejected"))
                .getChildren().filter(Icon.class::isInstance).map(i -> i.getElement().getAttribute("icon")))
                .containsExactly("vaadin:close-circle");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("cascade-import-imported"))).isEmpty();
    }

    @Test
    void after_a_rejection_the_next_file_is_imported_and_replaces_the_rejection() {
        upload("bad.json", TWO_PROBLEMS);

        upload("good.json", NOTHING);

        assertThat(result()).contains("good.json imported into").doesNotContain("rejected");
        assertThat(_find(ListItem.class)).isEmpty();
    }
}
