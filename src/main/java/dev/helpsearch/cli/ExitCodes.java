package dev.helpsearch.cli;

/** The exit codes every command uses; README.md lists them for scripts and service managers. */
final class ExitCodes {

    /** Done. */
    static final int OK = 0;
    /** The work itself failed: invalid articles, a damaged index, a failed search. */
    static final int FAILED = 1;
    /** The command line is wrong: an unknown option, a value that is not a URL, origin, port or address. */
    static final int USAGE = 2;
    /**
     * The machine does not allow what was asked: the port is taken, the address is not on this
     * machine, a folder is missing, unreadable or unwritable.
     */
    static final int ENVIRONMENT = 3;

    private ExitCodes() {}
}
