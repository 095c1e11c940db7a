/*
 * watch.c - build, wait for a change to a file the build read, build
 * again (watch.h): inotify on Linux, stamps compared on a timer elsewhere
 * or when asked; SIGINT and SIGTERM end it between builds.
 *
 * The signals are blocked while watching and read as data (signalfd), or
 * looked for as pending between two naps where there is no signalfd: no
 * handler, so no state outside the watcher, and a build is never cut
 * short half-way through writing its output.
 */
#define _GNU_SOURCE		/* signalfd, inotify_init1 */
#include "watch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

/* BRIEFC_NO_INOTIFY builds the portable path on Linux, to test it. */
#if defined(__linux__) && !defined(BRIEFC_NO_INOTIFY)
#include <sys/inotify.h>
#include <sys/signalfd.h>
#define HAVE_INOTIFY 1
#else
#define HAVE_INOTIFY 0
#endif

/* One file the last build read (or tried to). */
typedef struct entry {
	char *path;
	char *dir;		/* its folder: "." for a bare name */
	const char *base;	/* its last component, in path */
	files_stamp stamp;	/* when the build read it */
	int dir_wd, file_wd;	/* inotify watches, -1 for none */
	bool changed;
	bool noted;		/* "cannot watch" said */
} entry;

typedef struct watcher {
	const watch_options *o;
	entry *v;
	size_t n;
	int ifd;		/* inotify, or -1: poll */
	int sfd;		/* signalfd, or -1 */
	sigset_t sigs;
	bool stop;
} watcher;

enum { WAIT_TIMEOUT, WAIT_EVENTS, WAIT_SIGNAL };

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A status line: "briefc watch: [14:03:07] ...". */
static void say(const watcher *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(const watcher *w, const char *fmt, ...)
{
	char clock[16] = "";
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm))
		strftime(clock, sizeof clock, "%H:%M:%S", &tm);
	fprintf(w->o->log, "briefc watch: [%s] ", clock);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(w->o->log, fmt, ap);
	va_end(ap);
	fputc('\n', w->o->log);
	fflush(w->o->log);
}

/* ---- the set of files ---- */

static void entry_init(entry *e, const char *path)
{
	memset(e, 0, sizeof *e);
	e->dir_wd = e->file_wd = -1;
	e->path = xstrdup(path, "a path");
	const char *slash = strrchr(path, '/');
	e->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
		       : xstrdup(".", "a path");
	if (!e->dir)
		xalloc_die(strlen(path), "a path");
	e->base = e->path + (slash ? slash - path + 1 : 0);
}

static void entry_free(entry *e)
{
	free(e->path);
	free(e->dir);
}

#if HAVE_INOTIFY
static bool wd_used(const entry *v, size_t n, int wd)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].dir_wd == wd || v[i].file_wd == wd)
			return true;
	return false;
}

#define DIR_EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | \
		    IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | \
		    IN_MOVE_SELF | IN_ONLYDIR)
#define FILE_EVENTS (IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | \
		     IN_MOVE_SELF)

/* Watch e's folder and e itself, where not already watched.  IN_MASK_ADD:
 * one inode may be watched in both roles (a folder named as an input). */
static void arm(watcher *w, entry *e)
{
	if (w->ifd < 0)
		return;
	if (e->dir_wd < 0) {
		e->dir_wd = inotify_add_watch(w->ifd, e->dir, DIR_EVENTS | IN_MASK_ADD);
		/* e.g. a folder that does not exist yet: its files are
		 * polled (say so once) */
		if (e->dir_wd < 0 && !e->noted)
			fprintf(w->o->log, "briefc watch: cannot watch %s (%s): looking "
				"for changes to %s every %u ms\n", e->dir, strerror(errno),
				e->path, w->o->poll_ms);
		e->noted = e->dir_wd < 0;
	}
	if (e->file_wd < 0 && e->stamp.exists)
		e->file_wd = inotify_add_watch(w->ifd, e->path, FILE_EVENTS | IN_MASK_ADD);
}
#else
static void arm(watcher *w, entry *e)
{
	(void)w;
	(void)e;
}
#endif

/*
 * Take the record of the build just made as the set to watch: watches of
 * files still read are kept (changes during the build stay queued), those
 * no longer needed are dropped, new ones are added.
 */
static void take(watcher *w, const files *read)
{
	entry *v = xcalloc(read->n, sizeof *v, "the files watched");
	size_t n = 0;
	for (size_t i = 0; i < read->n; i++) {
		const files_input *in = &read->v[i];
		bool dup = false;
		for (size_t k = 0; k < n && !dup; k++)
			dup = strcmp(v[k].path, in->path) == 0;
		if (dup)
			continue;
		entry *e = &v[n++];
		entry_init(e, in->path);
		e->stamp = in->stamp;
		for (size_t k = 0; k < w->n; k++)
			if (strcmp(w->v[k].path, e->path) == 0) {
				e->dir_wd = w->v[k].dir_wd;
				e->file_wd = w->v[k].file_wd;
				e->noted = w->v[k].noted;
				/* a file replaced since: watch the new one */
				if (!files_stamp_equal(&w->v[k].stamp, &e->stamp))
					e->file_wd = -1;
				break;
			}
	}
#if HAVE_INOTIFY
	for (size_t k = 0; k < w->n && w->ifd >= 0; k++) {
		int wds[2] = {w->v[k].dir_wd, w->v[k].file_wd};
		for (int j = 0; j < 2; j++)
			if (wds[j] >= 0 && !wd_used(v, n, wds[j]) &&
			    !wd_used(w->v + k + 1, w->n - k - 1, wds[j])) {
				inotify_rm_watch(w->ifd, wds[j]);
				/* the same wd may come back for another file */
				for (size_t m = k; m < w->n; m++) {
					if (w->v[m].dir_wd == wds[j])
						w->v[m].dir_wd = -1;
					if (w->v[m].file_wd == wds[j])
						w->v[m].file_wd = -1;
				}
			}
	}
#endif
	for (size_t k = 0; k < w->n; k++)
		entry_free(&w->v[k]);
	free(w->v);
	w->v = v;
	w->n = n;
	for (size_t i = 0; i < n; i++)
		arm(w, &v[i]);
}

/* Mark the files whose stamp is not what the build saw; true if any.
 * only_unwatched: those inotify does not cover. */
static bool restat(watcher *w, bool only_unwatched)
{
	bool any = false;
	for (size_t i = 0; i < w->n; i++) {
		entry *e = &w->v[i];
		if (only_unwatched && e->dir_wd >= 0)
			continue;
		files_stamp now;
		files_stamp_of(e->path, &now);
		if (!files_stamp_equal(&now, &e->stamp)) {
			e->changed = true;
			any = true;
		}
	}
	return any;
}

/* ---- waiting ---- */

/* Wait up to ms (-1: without end) for inotify events or a signal. */
static int wait_for(watcher *w, int ms)
{
#if HAVE_INOTIFY
	struct pollfd p[2] = {{w->sfd, POLLIN, 0}, {w->ifd, POLLIN, 0}};
	int np = w->ifd >= 0 ? 2 : 1;
	int r;
	while ((r = poll(p, (nfds_t)np, ms)) < 0 && errno == EINTR)
		;
	if (r < 0) {
		/* not expected; do not spin */
		struct timespec t = {0, 100 * 1000000L};
		nanosleep(&t, NULL);
		return WAIT_TIMEOUT;
	}
	if (p[0].revents)
		return WAIT_SIGNAL;
	return r > 0 ? WAIT_EVENTS : WAIT_TIMEOUT;
#else
	(void)w;
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
	sigset_t pending;
	if (sigpending(&pending) == 0 &&
	    (sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1))
		return WAIT_SIGNAL;
	return WAIT_TIMEOUT;
#endif
}

#if HAVE_INOTIFY
/* Read the queued events; mark the files they concern.  True if any. */
static bool read_events(watcher *w)
{
	bool any = false;
	_Alignas(struct inotify_event) char ev[16384];
	for (;;) {
		ssize_t n = read(w->ifd, ev, sizeof ev);
		if (n <= 0)
			break;
		for (char *p = ev; p < ev + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			p += sizeof *e + e->len;
			if (e->mask & IN_Q_OVERFLOW) {
				/* events were lost: anything may have changed */
				for (size_t i = 0; i < w->n; i++)
					w->v[i].changed = true;
				any = true;
				continue;
			}
			for (size_t i = 0; i < w->n; i++) {
				entry *f = &w->v[i];
				bool hit;
				if (e->mask & IN_IGNORED) {
					if (f->dir_wd == e->wd)
						f->dir_wd = -1;
					if (f->file_wd == e->wd)
						f->file_wd = -1;
					continue;
				}
				if (e->len)
					hit = f->dir_wd == e->wd && strcmp(f->base, e->name) == 0;
				else
					hit = f->file_wd == e->wd ||
					      (f->dir_wd == e->wd &&
					       (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)));
				if (hit) {
					f->changed = true;
					any = true;
				}
			}
		}
	}
	return any;
}
#else
static bool read_events(watcher *w)
{
	(void)w;
	return false;
}
#endif

static bool any_unwatched(const watcher *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].dir_wd < 0)
			return true;
	return false;
}

/*
 * Wait until a file changes and has been quiet for debounce_ms; false if
 * a signal came first.  pending: a change is already known.
 */
static bool wait_change(watcher *w, bool pending)
{
	const watch_options *o = w->o;
	while (!pending) {
		bool polling = w->ifd < 0 || any_unwatched(w);
		int r = wait_for(w, polling ? (int)o->poll_ms : -1);
		if (r == WAIT_SIGNAL)
			return false;
		if (r == WAIT_EVENTS)
			pending = read_events(w);
		if (!pending && polling)
			pending = restat(w, w->ifd >= 0);
	}
	/* Quiet time: an editor's save is several writes, renames and
	 * deletes.  Only the watched files' events count (others' files in
	 * the folder may be busy), and a file written without pause still
	 * gets built, after twenty quiet times. */
	long long quiet = now_ms(), until = quiet + 20LL * o->debounce_ms;
	for (;;) {
		long long now = now_ms(), left = quiet + o->debounce_ms - now;
		if (left <= 0 || now >= until)
			break;
		int r = wait_for(w, (int)left);
		if (r == WAIT_SIGNAL)
			return false;
		if (r == WAIT_EVENTS && read_events(w))
			quiet = now_ms();
	}
	return true;
}

/* "a.brief", "a.brief and b.brief", "a.brief and 3 more files". */
static void say_changed(watcher *w)
{
	const char *first = NULL;
	long long more = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (!w->v[i].changed)
			continue;
		if (!first)
			first = w->v[i].path;
		else
			more++;
		w->v[i].changed = false;
	}
	if (!first)
		return;
	if (more)
		say(w, "%s and %lld more changed", first, more);
	else
		say(w, "%s changed", first);
}

/* ---- the loop ---- */

static int setup(watcher *w)
{
	w->ifd = w->sfd = -1;
	sigemptyset(&w->sigs);
	sigaddset(&w->sigs, SIGINT);
	sigaddset(&w->sigs, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &w->sigs, NULL) != 0) {
		fprintf(stderr, "briefc watch: cannot block signals: %s\n", strerror(errno));
		return -1;
	}
#if HAVE_INOTIFY
	w->sfd = signalfd(-1, &w->sigs, SFD_NONBLOCK | SFD_CLOEXEC);
	if (w->sfd < 0) {
		fprintf(stderr, "briefc watch: cannot take signals: %s\n", strerror(errno));
		return -1;
	}
	if (!w->o->poll) {
		w->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (w->ifd < 0)
			fprintf(w->o->log, "briefc watch: inotify is not available (%s): "
				"looking for changes every %u ms\n", strerror(errno),
				w->o->poll_ms);
		return 0;
	}
#endif
	fprintf(w->o->log, "briefc watch: looking for changes every %u ms\n",
		w->o->poll_ms);
	return 0;
}

static void teardown(watcher *w)
{
	for (size_t i = 0; i < w->n; i++)
		entry_free(&w->v[i]);
	free(w->v);
	/* Take the signal that ended the loop, so that unblocking does not
	 * deliver it (and kill what should exit cleanly). */
#if HAVE_INOTIFY
	struct signalfd_siginfo si;
	while (read(w->sfd, &si, sizeof si) == (ssize_t)sizeof si)
		;
	close(w->sfd);
	if (w->ifd >= 0)
		close(w->ifd);
#else
	sigset_t pending;
	int sig;
	while (sigpending(&pending) == 0 &&
	       (sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1))
		sigwait(&w->sigs, &sig);
#endif
	sigprocmask(SIG_UNBLOCK, &w->sigs, NULL);
}

int watch_run(const watch_options *o, watch_build_fn build, void *ctx)
{
	watcher w;
	memset(&w, 0, sizeof w);
	w.o = o;
	if (setup(&w) != 0) {
		teardown(&w);
		return 2;
	}
	for (;;) {
		files read = FILES_INIT;
		long long t0 = now_ms();
		int status = build(ctx, &read);
		long long ms = now_ms() - t0;
		take(&w, &read);
		files_free(&read);
		const char *outcome = status == 0 ? " ok" : status == 1
			? ": the input has errors" : " failed";
		say(&w, "%s%s (%lld ms); watching %zu file%s", o->what, outcome,
		    ms, w.n, w.n == 1 ? "" : "s");
		/* What changed while the build read, before a watch was set. */
		bool pending = restat(&w, false);
		if (!wait_change(&w, pending))
			break;
		say_changed(&w);
	}
	teardown(&w);
	return 0;
}
