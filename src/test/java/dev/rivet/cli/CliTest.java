package dev.rivet.cli;

import dev.rivet.RunConfig;
import dev.rivet.abi.Errno;
import dev.rivet.elf.LoadException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Command-line parsing, the RunConfig it builds, and every exit status, with a fake runner. */
class CliTest {
    static final List<String> HOST_ENV = List.of("PATH=/bin", "HOME=/root", "A=0");

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream(), errBytes = new ByteArrayOutputStream();
    private RunConfig ran;
    private List<String> ccArgs;
    private Cli.Runner runner = config -> { ran = config; return 0; };
    private boolean debug;

    private int run(String... args) {
        Cli cli = new Cli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                () -> HOST_ENV, config -> runner.run(config), a -> { ccArgs = a; return 5; }, debug);
        return cli.run(args);
    }

    private String out() { return outBytes.toString(StandardCharsets.UTF_8); }
    private String err() { return errBytes.toString(StandardCharsets.UTF_8); }

    private void assertUsageError(int status, String firstLine, String hint) {
        assertEquals(2, status);
        assertEquals(firstLine + "\n" + hint + "\n", err());
        assertNull(ran, "nothing may run after a usage error");
    }

    @Test
    void runBuildsTheConfig() {
        assertEquals(0, run("run", "./prog", "a", "b c"));
        assertEquals(Path.of("./prog"), ran.program());
        assertEquals("./prog", ran.program().toString(), "the path is kept as given for messages and AT_EXECFN");
        assertEquals(List.of("./prog", "a", "b c"), ran.argv());
        assertEquals(HOST_ENV, ran.env());
        assertFalse(ran.strace());
        assertNull(ran.root());
        assertEquals("", out() + err());
    }

    @Test
    void optionsAfterTheProgramBelongToIt() {
        assertEquals(0, run("run", "--strace", "prog", "--strace", "--env", "X=1", "--", "-h"));
        assertTrue(ran.strace());
        assertEquals(List.of("prog", "--strace", "--env", "X=1", "--", "-h"), ran.argv());
        assertEquals(HOST_ENV, ran.env());
    }

    @Test
    void doubleDashEndsOptions() {
        assertEquals(0, run("run", "--", "--weird-name", "x"));
        assertEquals(List.of("--weird-name", "x"), ran.argv());
        assertEquals(Path.of("--weird-name"), ran.program());
    }

    @Test
    void envEntriesOverrideInPlaceAndAppendInOrder() {
        assertEquals(0, run("run", "--env", "A=9", "--env=NEW=x=y", "--env", "HOME=", "--env", "Z=1", "p"));
        assertEquals(List.of("PATH=/bin", "HOME=", "A=9", "NEW=x=y", "Z=1"), ran.env());
    }

    @Test
    void laterEnvEntryWins() {
        assertEquals(0, run("run", "--env", "Q=1", "--env", "Q=2", "p"));
        assertEquals(List.of("PATH=/bin", "HOME=/root", "A=0", "Q=2"), ran.env());
    }

    @Test
    void clearEnvKeepsOnlyEnvEntries() {
        assertEquals(0, run("run", "--env", "B=2", "--clear-env", "--env", "A=1", "p"));
        assertEquals(List.of("B=2", "A=1"), ran.env());
        assertEquals(0, run("run", "--clear-env", "p"));
        assertEquals(List.of(), ran.env());
    }

    @Test
    void straceFlag() {
        assertEquals(0, run("run", "--strace", "p"));
        assertTrue(ran.strace());
    }

    @Test
    void programStatusIsReturned() {
        runner = config -> 42;
        assertEquals(42, run("run", "p"));
    }

    @Test
    void unknownRunOption() {
        assertUsageError(run("run", "--foo", "p"), "rivet run: unknown option '--foo'", "Try 'rivet run --help' for more information.");
    }

    @Test
    void unknownTopLevelOption() {
        assertUsageError(run("--foo"), "rivet: unknown option '--foo'", "Try 'rivet --help' for more information.");
    }

    @Test
    void unknownCommand() {
        assertUsageError(run("launch", "p"), "rivet: unknown command 'launch'", "Try 'rivet --help' for more information.");
    }

    @Test
    void missingCommand() {
        assertUsageError(run(), "rivet: missing command", "Try 'rivet --help' for more information.");
    }

    @Test
    void missingProgram() {
        assertUsageError(run("run"), "rivet run: missing program to run", "Try 'rivet run --help' for more information.");
        errBytes.reset();
        assertUsageError(run("run", "--strace", "--"), "rivet run: missing program to run", "Try 'rivet run --help' for more information.");
    }

    @Test
    void envWithoutValue() {
        assertUsageError(run("run", "--env"), "rivet run: option '--env' needs a value (NAME=VALUE)",
                "Try 'rivet run --help' for more information.");
    }

    @Test
    void envWithoutEquals() {
        assertUsageError(run("run", "--env", "X", "p"), "rivet run: --env expects NAME=VALUE, got 'X'",
                "Try 'rivet run --help' for more information.");
        errBytes.reset();
        assertUsageError(run("run", "--env", "=v", "p"), "rivet run: --env expects NAME=VALUE, got '=v'",
                "Try 'rivet run --help' for more information.");
    }

    @Test
    void flagWithValue() {
        assertUsageError(run("run", "--strace=yes", "p"), "rivet run: option '--strace' takes no value",
                "Try 'rivet run --help' for more information.");
    }

    @Test
    void version() {
        assertEquals(0, run("--version"));
        assertEquals("rivet 0.1.0\n", out());
        outBytes.reset();
        assertEquals(0, run("-V"));
        assertEquals("rivet 0.1.0\n", out());
    }

    @Test
    void versionMatchesThePom() throws Exception {
        String pom = Files.readString(Path.of(System.getProperty("rivet.home", "."), "pom.xml"));
        String projectVersion = pom.replaceAll("(?s).*?<artifactId>rivet</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertEquals(projectVersion, Version.BUILD);
    }

    @Test
    void help() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("\n  run "), out());
        assertTrue(out().contains("\n  cc "), out());
        assertEquals("", err());
        outBytes.reset();
        assertEquals(0, run("help"));
        assertEquals(Usage.TOP, out());
    }

    @Test
    void runHelpListsEveryOption() {
        assertEquals(0, run("run", "--help"));
        assertEquals(Usage.RUN, out());
        for (String option : List.of("--strace", "--clear-env", "--env NAME=VALUE", "-h, --help"))
            assertTrue(out().contains(option), option);
        assertNull(ran);
        outBytes.reset();
        assertEquals(0, run("help", "run"));
        assertEquals(Usage.RUN, out());
    }

    @Test
    void helpForUnknownCommand() {
        assertUsageError(run("help", "nope"), "rivet: unknown command 'nope'", "Try 'rivet --help' for more information.");
    }

    @Test
    void ccPassesEverythingThrough() {
        assertEquals(5, run("cc", "-O2", "--help", "x.c", "-o", "x"));
        assertEquals(List.of("-O2", "--help", "x.c", "-o", "x"), ccArgs);
        assertNull(ran);
    }

    @Test
    void loadFailureIsOneLineAndItsStatus() {
        runner = config -> { throw new LoadException("./x", "No such file or directory", 127); };
        assertEquals(127, run("run", "./x"));
        assertEquals("rivet: ./x: No such file or directory\n", err());
        errBytes.reset();
        runner = config -> { throw new LoadException("./y", "wrong architecture: x86-64", 126, Errno.ENOEXEC); };
        assertEquals(126, run("run", "./y"));
        assertEquals("rivet: ./y: wrong architecture: x86-64\n", err());
    }

    @Test
    void internalErrorIsOneLineWithoutTrace() {
        runner = config -> { throw new IllegalStateException("boom"); };
        assertEquals(70, run("run", "p"));
        assertEquals("rivet: internal error: boom\n", err());
    }

    @Test
    void internalErrorWithoutMessageNamesTheException() {
        runner = config -> { throw new NullPointerException(); };
        assertEquals(70, run("run", "p"));
        assertEquals("rivet: internal error: java.lang.NullPointerException\n", err());
    }

    @Test
    void internalErrorTraceOnlyWhenDebugging() {
        debug = true;
        runner = config -> { throw new IllegalStateException("boom"); };
        assertEquals(70, run("run", "p"));
        assertTrue(err().startsWith("rivet: internal error: boom\njava.lang.IllegalStateException: boom\n"), err());
        assertTrue(err().contains("\tat "), err());
    }

    @Test
    void errorsInsideTheRunnerLikeStackOverflowAreCaught() {
        runner = config -> { throw new StackOverflowError(); };
        assertEquals(70, run("run", "p"));
        assertEquals("rivet: internal error: java.lang.StackOverflowError\n", err());
    }

    @Test
    void programNameThatNoFileCanHaveIsMissing() {
        assertEquals(127, run("run", "a\0b"));
        assertEquals("rivet: a\0b: No such file or directory\n", err());
        assertNull(ran);
    }

    @Test
    void hostEnvironmentIsTheProcessEnvironment() {
        List<String> env = GuestEnvironment.host();
        List<String> expected = new ArrayList<>();
        System.getenv().forEach((k, v) -> expected.add(k + "=" + v));
        assertEquals(expected.stream().sorted().toList(), env.stream().sorted().toList());
    }
}
