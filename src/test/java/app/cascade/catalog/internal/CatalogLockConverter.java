package app.cascade.catalog.internal;

import app.cascade.catalog.CatalogLock;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** {@code catalog_lock.lock_name} holds the field name ({@code stateCode}) or the grading type ({@code CATEGORIES}). */
@Converter
public class CatalogLockConverter implements AttributeConverter<CatalogLock, String> {

    @Override
    public String convertToDatabaseColumn(CatalogLock lock) {
        return lock == null ? null : lock.dbName();
    }

    @Override
    public CatalogLock convertToEntityAttribute(String dbName) {
        return dbName == null ? null : CatalogLock.fromDb(dbName);
    }
}
