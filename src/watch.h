/*
 * watch.h - `briefc watch`: build once, then again whenever a file the
 * last build read changes, until SIGINT or SIGTERM.
 *
 * What to watch is what the build read (files.h): the brief, and whatever
 * its load read besides, found or not, so the set follows the document as
 * files are included, dropped or created.  On Linux, inotify watches the
 * folder of each file (an editor that writes a new file and renames it
 * over the old one, or deletes and re-creates it, changes the folder, not
 * the file it had) and the file itself (a symbolic link's target may lie
 * elsewhere).  Where inotify is missing, failing or not wanted (`poll`),
 * the files' stamps are compared every poll_ms instead.  A change starts a
 * build once the files have been quiet for debounce_ms, so that an editor's
 * burst of writes makes one build.
 */
#ifndef BRIEFC_WATCH_H
#define BRIEFC_WATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "files.h"

typedef struct watch_options {
	bool poll;		/* compare stamps, never inotify */
	unsigned poll_ms;	/* how often, when polling */
	unsigned debounce_ms;	/* quiet time before a build */
	const char *what;	/* "build" or "check", for the status line */
	FILE *log;		/* the status lines */
} watch_options;

#define WATCH_POLL_MS 250
#define WATCH_DEBOUNCE_MS 80

/*
 * One build or check: prints its diagnostics, returns the exit status a
 * single run would (0, 1 or 2) and leaves in *read the record of the files
 * it read.
 */
typedef int (*watch_build_fn)(void *ctx, files *read);

/*
 * Build, print a status line (time of day, outcome, duration), wait for a
 * change, and again.  No build's outcome ends the loop; SIGINT or SIGTERM
 * does, between builds.  Returns 0 then, or 2 (reported) if watching
 * cannot start.
 */
int watch_run(const watch_options *o, watch_build_fn build, void *ctx);

#endif
