/**
 * JPA mappings of the district tables, for the benchmark's naive ORM baseline only ({@code bench.NaiveJpaPush},
 * {@code -Pbench}). Production has no entity and no repository: it reads and writes with set-based SQL
 * (docs/decisions/0020-one-persistence-rule.md). These classes live under src/test so that the baseline keeps
 * measuring an ORM-first push; nothing else may use them.
 */
package app.cascade.catalog.internal;
