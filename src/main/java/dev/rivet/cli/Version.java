package dev.rivet.cli;

/** Rivet's version: the jar manifest's Implementation-Version when packaged with one, else the build's. */
final class Version {
    private Version() {}

    /** Must equal the project version in pom.xml (a test checks that they agree). */
    static final String BUILD = "0.1.0";

    static String get() {
        String fromJar = Version.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : BUILD;
    }
}
