/*
 * dot_run.c - run Graphviz's dot on a DOT text (dot_run.h).
 *
 * One poll loop feeds dot's standard input and drains its output and its
 * error stream at once (a large graph fills a pipe either way, and a
 * process that writes while nobody reads waits for ever), against a
 * deadline.  Whether exec itself failed comes back through a pipe that
 * closes on a successful exec, so "dot is not installed" is told apart
 * from "dot failed".
 */
#include "dot_run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Enough of dot's error stream for its message. */
#define ERR_KEEP 4096

static const char *const dot_flags[] = {"-Tsvg", "-Tpdf", "-Tpng", "-Tjson0"};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int set_flag(int fd, int get, int set, int flag)
{
	int fl = fcntl(fd, get);
	return fl < 0 ? -1 : fcntl(fd, set, fl | flag);
}

static void close_fd(int *fd)
{
	if (*fd >= 0) {
		close(*fd);
		*fd = -1;
	}
}

/* The child: dot with the pipes as its standard streams. */
static void child(int in, int out, int errfd, int report, const char *prog,
		  dot_output fmt, const char *arg)
{
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(errfd, 2) < 0)
		goto fail;
	close(in);
	close(out);
	close(errfd);
	signal(SIGPIPE, SIG_DFL);
	char *argv[] = {(char *)prog, (char *)dot_flags[fmt], (char *)arg, NULL};
	execvp(prog, argv);
fail:;
	int e = errno;
	ssize_t w = write(report, &e, sizeof e);
	(void)w;
	_exit(127);
}

/* The first line of dot's error stream, for the message. */
static void first_line(const buf *b, buf *err)
{
	const char *s = b->data ? b->data : "";
	size_t n = strcspn(s, "\n");
	while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	buf_put(err, s, n);
}

/* cairo writes the time of the run as the PDF's /CreationDate: write a
 * fixed one of the same length, so that no offset moves. */
static void fix_pdf_date(buf *out, size_t from)
{
	static const char key[] = "/CreationDate (D:";
	size_t k = sizeof key - 1;
	for (size_t i = from; i + k < out->len; i++) {
		if (out->data[i] != '/' || memcmp(out->data + i, key, k) != 0)
			continue;
		static const char fixed[] = "19700101000000";
		for (size_t j = 0; j < sizeof fixed - 1 && i + k + j < out->len &&
				   out->data[i + k + j] >= '0' && out->data[i + k + j] <= '9'; j++)
			out->data[i + k + j] = fixed[j];
		return;
	}
}

int dot_run(const char *src, size_t n, dot_output fmt, const dot_limits *lim,
	    buf *out, buf *err)
{
	const char *prog = lim && lim->program ? lim->program : "dot";
	const char *arg = lim ? lim->arg : NULL;
	int timeout = lim && lim->timeout_ms ? lim->timeout_ms : DOT_RUN_TIMEOUT_MS;
	size_t max = lim && lim->max_output ? lim->max_output : DOT_RUN_MAX_OUTPUT;
	int p_in[2] = {-1, -1}, p_out[2] = {-1, -1}, p_err[2] = {-1, -1},
	    p_rep[2] = {-1, -1};
	if (pipe(p_in) || pipe(p_out) || pipe(p_err) || pipe(p_rep)) {
		buf_printf(err, "cannot run %s: %s", prog, strerror(errno));
		int *fds[] = {p_in, p_out, p_err, p_rep};
		for (size_t i = 0; i < 4; i++) {
			close_fd(&fds[i][0]);
			close_fd(&fds[i][1]);
		}
		return -1;
	}
	/* Writing to a dot that died must be an error, not a signal. */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);

	int rc = -1;
	size_t start = out->len;
	buf errs = BUF_INIT;
	set_flag(p_rep[1], F_GETFD, F_SETFD, FD_CLOEXEC);
	pid_t pid = fork();
	if (pid < 0) {
		buf_printf(err, "cannot run %s: %s", prog, strerror(errno));
		goto done;
	}
	if (pid == 0) {
		close(p_in[1]);
		close(p_out[0]);
		close(p_err[0]);
		close(p_rep[0]);
		child(p_in[0], p_out[1], p_err[1], p_rep[1], prog, fmt, arg);
	}
	close_fd(&p_in[0]);
	close_fd(&p_out[1]);
	close_fd(&p_err[1]);
	close_fd(&p_rep[1]);
	set_flag(p_in[1], F_GETFL, F_SETFL, O_NONBLOCK);

	long long deadline = now_ms() + timeout;
	size_t sent = 0;
	bool too_big = false, too_slow = false;
	if (n == 0)
		close_fd(&p_in[1]);
	while (p_out[0] >= 0 || p_err[0] >= 0) {
		struct pollfd pf[3];
		int np = 0, i_in = -1, i_out = -1, i_err = -1;
		if (p_in[1] >= 0)
			i_in = np, pf[np++] = (struct pollfd){p_in[1], POLLOUT, 0};
		if (p_out[0] >= 0)
			i_out = np, pf[np++] = (struct pollfd){p_out[0], POLLIN, 0};
		if (p_err[0] >= 0)
			i_err = np, pf[np++] = (struct pollfd){p_err[0], POLLIN, 0};
		long long left = deadline - now_ms();
		if (left <= 0) {
			too_slow = true;
			break;
		}
		int r = poll(pf, (nfds_t)np, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (i_in >= 0 && pf[i_in].revents) {
			ssize_t w = write(p_in[1], src + sent, n - sent);
			if (w > 0)
				sent += (size_t)w;
			if ((w < 0 && errno != EAGAIN && errno != EINTR) || sent == n)
				close_fd(&p_in[1]);	/* done, or dot stopped reading */
		}
		char chunk[65536];
		if (i_out >= 0 && pf[i_out].revents) {
			ssize_t k = read(p_out[0], chunk, sizeof chunk);
			if (k > 0) {
				if (out->len - start + (size_t)k > max) {
					too_big = true;
					break;
				}
				buf_put(out, chunk, (size_t)k);
			} else if (k == 0 || errno != EINTR) {
				close_fd(&p_out[0]);
			}
		}
		if (i_err >= 0 && pf[i_err].revents) {
			ssize_t k = read(p_err[0], chunk, sizeof chunk);
			if (k > 0) {
				if (errs.len < ERR_KEEP)
					buf_put(&errs, chunk, (size_t)k);
			} else if (k == 0 || errno != EINTR) {
				close_fd(&p_err[0]);
			}
		}
	}
	/* Stopped early (too big, too slow), or dot closed its streams
	 * but does not end: it gets until the deadline. */
	int status = 0;
	bool killed = false;
	for (;;) {
		if (!killed && (p_out[0] >= 0 || p_err[0] >= 0 || now_ms() >= deadline)) {
			kill(pid, SIGKILL);
			killed = true;
			too_slow = too_slow || (!too_big && p_out[0] < 0 && p_err[0] < 0);
		}
		pid_t w = waitpid(pid, &status, killed ? 0 : WNOHANG);
		if (w == pid || (w < 0 && errno != EINTR))
			break;
		if (w == 0) {
			struct timespec nap = {0, 2000000};	/* 2 ms */
			nanosleep(&nap, NULL);
		}
	}
	int exec_errno = 0;
	ssize_t got = read(p_rep[0], &exec_errno, sizeof exec_errno);

	if (got == (ssize_t)sizeof exec_errno) {
		if (exec_errno == ENOENT)
			buf_printf(err, "Graphviz's %s is needed to draw the evidence map "
				   "and was not found: install the Debian package "
				   DOT_RUN_PACKAGE " (apt-get install " DOT_RUN_PACKAGE ")",
				   prog);
		else
			buf_printf(err, "cannot run %s: %s", prog, strerror(exec_errno));
	} else if (too_big) {
		buf_printf(err, "%s wrote more than %zu bytes for the evidence map; "
			   "the drawing was abandoned", prog, max);
	} else if (too_slow) {
		buf_printf(err, "%s took longer than %d s to draw the evidence map "
			   "and was stopped", prog, timeout / 1000);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		buf_printf(err, "%s failed to draw the evidence map", prog);
		if (errs.len) {
			buf_puts(err, ": ");
			first_line(&errs, err);
		}
	} else if (out->len == start) {
		buf_printf(err, "%s drew nothing for the evidence map", prog);
	} else {
		rc = 0;
		if (fmt == DOT_PDF)
			fix_pdf_date(out, start);
	}
done:
	if (rc != 0) {
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
	}
	close_fd(&p_in[0]);
	close_fd(&p_in[1]);
	close_fd(&p_out[0]);
	close_fd(&p_out[1]);
	close_fd(&p_err[0]);
	close_fd(&p_err[1]);
	close_fd(&p_rep[0]);
	close_fd(&p_rep[1]);
	sigaction(SIGPIPE, &old, NULL);
	buf_free(&errs);
	return rc;
}
