package app.cascade.catalog;

import app.cascade.grading.LockType;

import java.util.List;
import java.util.Set;

/**
 * The outcome of a copy.
 *
 * @param targetMasterIds the masters written (the new one, or the chosen existing ones)
 * @param typesCopied     the data types actually copied: Grade Calc Options always bring Grading Tasks/Standards
 */
public record CopyResult(List<Long> targetMasterIds, Set<LockType> typesCopied) {
}
