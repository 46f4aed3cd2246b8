/* files.c: writes a few files in a fresh temporary directory, reads one back, lists the
 * directory (sorted, so the output is the same everywhere), then removes everything. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/rivet-files-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }

    const char *names[] = { "empty", "notes.txt", "data.bin" };
    char path[4200];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "w");
        if (!f) { perror(path); return 1; }
        for (int line = 0; line < i * 2; line++) fprintf(f, "%s line %d\n", names[i], line + 1);
        fclose(f);
    }

    snprintf(path, sizeof path, "%s/data.bin", dir);
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 1; }
    char line[256];
    printf("read back data.bin:\n");
    while (fgets(line, sizeof line, f)) printf("  %s", line);
    fclose(f);

    DIR *d = opendir(dir);
    if (!d) { perror("opendir"); return 1; }
    char *entries[16];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 16)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) entries[n++] = strdup(e->d_name);
    closedir(d);
    qsort(entries, n, sizeof entries[0], by_name);
    printf("directory listing:\n");
    for (int i = 0; i < n; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, entries[i]);
        if (stat(path, &st) != 0) { perror(path); return 1; }
        printf("  %-10s %5lld bytes\n", entries[i], (long long)st.st_size);
        if (unlink(path) != 0) { perror(path); return 1; }
        free(entries[i]);
    }
    if (rmdir(dir) != 0) { perror("rmdir"); return 1; }
    printf("removed %d files and the directory\n", n);
    return 0;
}
