package org.ceasefire.ccm.agreement.catalogue;

/** A catalogue file that cannot be loaded; the message names the file, the line and the problem. */
public class CatalogueException extends RuntimeException {

    private final String file;
    private final int line;

    public CatalogueException(String file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public int line() { return line; }
}
