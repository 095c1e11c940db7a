/*
 * test_xalloc.c - allocation that never returns NULL: what it says when
 * memory runs out (in a child process, which it aborts) and how arrays
 * grow.
 */
#include "unit.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

typedef void die_fn(void);

/* Run fn in a child with its stderr in a pipe; the message it wrote and
 * whether it aborted. */
static void run_child(die_fn *fn, char *msg, size_t cap, bool *aborted)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		signal(SIGABRT, SIG_DFL);
		fn();
		_exit(0);
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t k;
	while (n + 1 < cap && (k = read(fd[0], msg + n, cap - 1 - n)) > 0)
		n += (size_t)k;
	msg[n] = '\0';
	close(fd[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void die_sized(void)
{
	xalloc_die(1234, "the test's table");
}

static void die_overflow(void)
{
	xreallocarray(NULL, SIZE_MAX / 2, 4, "a huge array");
}

static void test_says_what_failed(void **state)
{
	(void)state;
	char msg[256];
	bool aborted;
	run_child(die_sized, msg, sizeof msg, &aborted);
	assert_true(aborted);
	assert_string_equal(msg, "briefc: out of memory: 1234 bytes for the test's table\n");
	run_child(die_overflow, msg, sizeof msg, &aborted);
	assert_true(aborted);
	assert_non_null(strstr(msg, "a huge array"));
}

static void test_grow(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0;
	for (size_t n = 0; n < 1000; n++) {
		v = xgrow(v, &cap, n, sizeof *v, "numbers");
		assert_true(cap > n);
		v[n] = (int)n;
	}
	for (size_t n = 0; n < 1000; n++)
		assert_int_equal(v[n], (int)n);
	assert_int_equal(cap, 1024);
	free(v);
	char *s = xstrdup("briefc", "a name");
	assert_string_equal(s, "briefc");
	free(s);
	int *z = xcalloc(0, sizeof *z, "nothing");	/* never NULL */
	assert_non_null(z);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_says_what_failed),
		cmocka_unit_test(test_grow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
