package app.cascade.reports;

import app.cascade.catalog.CompositeParts;

/** SQL fragments shared by the reports: item labels exactly as the push report writes them (ItemValues.label). */
final class ItemSql {

    private ItemSql() {
    }

    /** The label of the item whose columns are prefixed {@code p} (e.g. "ci."). */
    static String label(String p) {
        return ("case %1$sitem_type when 'CATEGORY' then %1$sname"
                + " when 'CALC_OPTION' then %1$stask_code || ' / ' || %1$sterm_code"
                + " when 'COMPOSITE' then %1$stask_code || ' / ' || %1$sterm_code"
                + " || case when btrim(%1$sname) = '' then '' else ' ' || %1$sname end"
                + " else %1$scode || case when btrim(%1$sname) = '' or %1$sname = %1$scode then '' else ' ' || %1$sname end"
                + " end").formatted(p);
    }

    /** The values a push copies, in words, for the Course Audit Report's master and course value columns. */
    static String values(String p) {
        return ("case %1$sitem_type"
                + " when 'CATEGORY' then %1$sname || ', weight ' || coalesce(trim_scale(%1$sweight)::text, '-')"
                + " || ', order ' || %1$sseq"
                + " when 'ASSESSMENT' then %1$scode || ' ' || %1$sname || ', weight '"
                + " || coalesce(trim_scale(%1$sweight)::text, '-')"
                + " when 'CALC_OPTION' then %1$scalc_method || ', rounding ' || coalesce(%1$srounding::text, '-')"
                + " when 'COMPOSITE' then %1$sname || ' ' || coalesce(%1$sparts::text, '[]')"
                + " else %1$scode || ' ' || %1$sname || ', order ' || %1$sseq end").formatted(p);
    }

    /**
     * A {@link #values} text as a person reads it: a composite's stored parts (the JSON list that ends its text) in
     * the words every screen uses for them ({@link CompositeParts#describe(String)}: "QTR Q1 40 % + QTR Q2 60 %").
     */
    static String readable(String values) {
        if (values == null || !values.endsWith("]")) {
            return values;
        }
        int parts = values.indexOf(" [");
        return parts < 0 ? values : values.substring(0, parts) + " " + CompositeParts.describe(values.substring(parts + 1));
    }

    /** Whether two items' pushed values differ (the columns a push copies). */
    static String differ(String a, String b) {
        return ("(%1$scode, %1$sname, %1$stask_code, %1$sterm_code, %1$sweight, %1$sseq, %1$scalc_method, %1$srounding,"
                + " %1$sparts) is distinct from (%2$scode, %2$sname, %2$stask_code, %2$sterm_code, %2$sweight, %2$sseq,"
                + " %2$scalc_method, %2$srounding, %2$sparts)").formatted(a, b);
    }
}
