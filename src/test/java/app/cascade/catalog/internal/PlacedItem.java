package app.cascade.catalog.internal;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * The columns a course item and a section item share beyond the values: where the item came from, whether it
 * survives only because of its dependents ("course managed"), and whether a calc option is forced to NO_CALCULATION.
 */
@MappedSuperclass
public abstract class PlacedItem extends ItemValues {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;

    @Column(nullable = false)
    private boolean residual;

    @Column(name = "forced_no_calc", nullable = false)
    private boolean forcedNoCalc;

    protected PlacedItem() {
    }

    protected PlacedItem(UUID id, ItemType type, String name, Origin origin) {
        super(id, type, name);
        this.origin = origin;
    }

    public Origin getOrigin() {
        return origin;
    }

    public void setOrigin(Origin origin) {
        this.origin = origin;
    }

    public boolean isResidual() {
        return residual;
    }

    public void setResidual(boolean residual) {
        this.residual = residual;
    }

    public boolean isForcedNoCalc() {
        return forcedNoCalc;
    }

    public void setForcedNoCalc(boolean forcedNoCalc) {
        this.forcedNoCalc = forcedNoCalc;
    }
}
