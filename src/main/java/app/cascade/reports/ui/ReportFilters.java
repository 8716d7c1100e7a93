package app.cascade.reports.ui;

import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.SchoolRef;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.grading.LockType;
import app.cascade.reports.ReportFilter;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filters of a district report: school year (defaulting to the current one), catalog, school and data type, each
 * clearable to mean "all". Only the filters a report uses are shown.
 */
class ReportFilters extends HorizontalLayout {

    final ComboBox<SchoolYearRef> year = new ComboBox<>("School year");
    final ComboBox<CatalogSummary> catalog = new ComboBox<>("Catalog");
    final ComboBox<SchoolRef> school = new ComboBox<>("School");
    final ComboBox<LockType> dataType = new ComboBox<>("Data type");
    private final List<Runnable> listeners = new ArrayList<>();

    ReportFilters(String idPrefix, List<SchoolYearRef> years, List<CatalogSummary> catalogs, List<SchoolRef> schools,
                  List<LockType> dataTypes) {
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        year.setId(idPrefix + "-year");
        year.setItems(years);
        year.setItemLabelGenerator(y -> y.code() + (y.current() ? " (current)" : ""));
        year.setPlaceholder("All years");
        catalog.setId(idPrefix + "-catalog");
        catalog.setItems(catalogs);
        catalog.setItemLabelGenerator(CatalogSummary::name);
        catalog.setPlaceholder("All catalogs");
        catalog.setWidth("16em");
        school.setId(idPrefix + "-school");
        school.setItems(schools);
        school.setItemLabelGenerator(SchoolRef::label);
        school.setPlaceholder("All schools");
        school.setWidth("16em");
        dataType.setId(idPrefix + "-data-type");
        dataType.setItems(dataTypes);
        dataType.setItemLabelGenerator(LockType::label);
        dataType.setPlaceholder("All data types");
        dataType.setWidth("14em");
        for (ComboBox<?> box : List.of(year, catalog, school, dataType)) {
            box.setClearButtonVisible(true);
        }
        years.stream().filter(SchoolYearRef::current).findFirst().ifPresent(year::setValue);
        year.addValueChangeListener(e -> changed());
        catalog.addValueChangeListener(e -> changed());
        school.addValueChangeListener(e -> changed());
        dataType.addValueChangeListener(e -> changed());
        add(year, catalog, school, dataType);
    }

    /** Hides the school filter, for reports about masters. */
    ReportFilters withoutSchool() {
        school.setVisible(false);
        return this;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    ReportFilter value() {
        return new ReportFilter(year.getValue() == null ? null : year.getValue().id(),
                catalog.getValue() == null ? null : catalog.getValue().id(),
                school.isVisible() && school.getValue() != null ? school.getValue().id() : null, dataType.getValue());
    }

    Optional<SchoolYearRef> selectedYear() {
        return Optional.ofNullable(year.getValue());
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
