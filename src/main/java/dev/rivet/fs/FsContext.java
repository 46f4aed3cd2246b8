package dev.rivet.fs;

/** A process's view of the file system: root, current directory, umask. (Placeholder: the fs work fills it in.) */
public final class FsContext {
}
