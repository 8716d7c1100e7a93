package app.cascade.push;

import app.cascade.catalog.DistrictFixture;

/** Push requests written straight into a district's table, for tests of what operations read from it. */
public final class RequestRows {

    private RequestRows() {
    }

    /**
     * A request of the catalog in the year with that status, submitted and due {@code ago} before now (an interval;
     * negative: later), finished then if it completed or failed.
     */
    public static void insert(DistrictFixture d, long catalogId, long yearId, String status, String ago,
                              String message) {
        d.update("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, submitted_at, scheduled_at, finished_at, message)
                values (gen_random_uuid(), 'CATALOG', ?, ?, 'OVERWRITE', true, '{CATEGORIES}', ?, 'test.push',
                        now() - ?::interval, now() - ?::interval,
                        case when ? in ('FAILED', 'COMPLETED') then now() - ?::interval end, ?)
                """, catalogId, yearId, status, ago, ago, status, ago, message);
    }
}
