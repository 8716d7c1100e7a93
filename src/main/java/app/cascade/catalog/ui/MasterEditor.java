package app.cascade.catalog.ui;

import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.CopyResult;
import app.cascade.catalog.CourseMasterCopyService;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.CourseMasterService;
import app.cascade.catalog.GradingItem;
import app.cascade.catalog.MasterDetails;
import app.cascade.catalog.MasterRow;
import app.cascade.catalog.SetupEditException;
import app.cascade.grading.ItemType;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What a district admin does to course masters on the Course Masters screen: opens the dialogs, calls the services
 * and reports back which master changed (or that the shown one was deleted). Refusals are shown, nothing is lost.
 */
class MasterEditor implements Serializable {

    private final transient CourseMasterEditService edits;
    private final transient CourseMasterCopyService copies;
    private final transient CourseMasterService masters;
    private final transient CatalogService catalogs;
    private final LongConsumer changed;
    private final Runnable deleted;
    private final LongConsumer opened;

    /**
     * @param changed told the id of a master whose values changed
     * @param deleted told that the shown master was deleted
     * @param opened  told the id of a master to select and show (a new copy)
     */
    MasterEditor(CourseMasterEditService edits, CourseMasterCopyService copies, CourseMasterService masters,
                 CatalogService catalogs, LongConsumer changed, Runnable deleted, LongConsumer opened) {
        this.edits = edits;
        this.copies = copies;
        this.masters = masters;
        this.catalogs = catalogs;
        this.changed = changed;
        this.deleted = deleted;
        this.opened = opened;
    }

    void create(CatalogSummary catalog) {
        new MasterDialog(catalog.name(), Optional.empty(), (number, info) -> {
            long id = edits.createMaster(catalog.id(), number, info);
            changed.accept(id);
            success("Course master " + number.strip() + " created in " + catalog.name());
        }).open();
    }

    void editInfo(MasterDetails master) {
        new MasterDialog(master.catalogName(), Optional.of(master), (number, info) -> {
            edits.updateInfo(master.id(), info);
            changed.accept(master.id());
            success("Attributes of " + master.number() + " saved");
        }).open();
    }

    void addItem(MasterDetails master, ItemType type) {
        new MasterItemDialog(type, Optional.empty(), edits.termChoices(master.id()), edit -> {
            edits.addItem(master.id(), type, edit);
            changed.accept(master.id());
        }).open();
    }

    void editItem(MasterDetails master, GradingItem item) {
        new MasterItemDialog(item.type(), Optional.of(item), edits.termChoices(master.id()), edit -> {
            edits.updateItem(item.id(), edit);
            changed.accept(master.id());
        }).open();
    }

    void removeItem(MasterDetails master, GradingItem item) {
        String what = item.type().singular().toLowerCase() + " \"" + ItemText.key(item) + "\"";
        ConfirmDialog confirm = new ConfirmDialog("Remove " + what + "?", "The " + what + " is removed from "
                + master.number() + ". Linked courses lose it at the next push of this type (or keep it as course "
                + "managed where it has grades).", "Remove", e -> guarded(() -> {
                    edits.removeItem(item.id());
                    changed.accept(master.id());
                }));
        confirm.setId("item-remove-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void delete(MasterDetails master) {
        ConfirmDialog confirm = new ConfirmDialog("Delete course master " + master.number() + "?",
                "The master and its grading setup are deleted. A master that courses link to cannot be deleted.",
                "Delete", e -> guarded(() -> {
                    edits.deleteMaster(master.id());
                    deleted.run();
                    success("Course master " + master.number() + " deleted");
                }));
        confirm.setId("master-delete-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void copy(MasterDetails master) {
        List<CatalogSummary> all = catalogs.catalogs();
        new CopyMasterDialog(master, all, this::mastersOf, new CopyMasterDialog.Copier() {
            @Override
            public CopyResult toNew(long catalogId, String number, String name,
                                    java.util.Set<app.cascade.grading.LockType> t) {
                return copies.copyToNew(master.id(), catalogId, number, name, t);
            }

            @Override
            public CopyResult toExisting(List<Long> targets, java.util.Set<app.cascade.grading.LockType> t) {
                return copies.copyToExisting(master.id(), targets, t);
            }
        }, (result, toNew) -> {
            if (toNew) {
                long copyId = result.targetMasterIds().getFirst();
                opened.accept(copyId);
                masters.master(copyId).ifPresent(copy -> success(copied(master, copy)));
            } else {
                result.targetMasterIds().forEach(changed::accept);
                changed.accept(master.id());
                success("Copied " + master.number() + " into " + app.cascade.catalog.Plural.of(
                        result.targetMasterIds().size(), "course master"));
            }
        }).open();
    }

    /** What a copy to a new master was named, and whether it kept the source's name. */
    static String copied(MasterDetails source, MasterDetails copy) {
        String text = "Copied " + source.number() + " to the new course master " + copy.number() + " \""
                + copy.info().name() + "\" in " + copy.catalogName() + ", now shown";
        return copy.info().name().equals(source.info().name())
                ? text + ". It has the same name as " + source.number() + ": Edit attributes renames it." : text + ".";
    }

    private List<MasterRow> mastersOf(long catalogId) {
        return masters.page(catalogId, "", 0, 2000);
    }

    /** Runs a service call from a confirmation, showing a refusal as an error message. */
    static void guarded(Runnable action) {
        try {
            action.run();
        } catch (SetupEditException refused) {
            Notification n = Notification.show(refused.getMessage(), 10000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("master-refused");
        }
    }

    private static void success(String text) {
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
