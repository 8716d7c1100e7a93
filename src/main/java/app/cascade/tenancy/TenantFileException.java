package app.cascade.tenancy;

/** A tenant file that cannot be accepted. The message names the file and the field. */
public class TenantFileException extends RuntimeException {

    private final String file;
    private final String field;

    public TenantFileException(String file, String field, String problem) {
        super("Invalid tenant file " + file + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}
