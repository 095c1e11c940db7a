/*
 * test_files.c - reading through the overlay, refusing what is not a
 * regular file, the record of every path tried, and the rules of the
 * paths an include or a library names.
 */
#define _XOPEN_SOURCE 700	/* mkdtemp, symlink */
#include "unit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "files.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/briefc-files-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void put_file(const char *name, const char *text)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static bool lookup(void *ctx, const char *path, const char **text, size_t *len)
{
	(void)ctx;
	if (strstr(path, "unsaved.brief") == NULL)
		return false;
	*text = "from the editor";
	*len = 15;
	return true;
}

static void test_read_and_record(void **state)
{
	(void)state;
	char p[256], q[256];
	put_file("a.brief", "on disk");
	files_overlay ov = {lookup, NULL};
	files fs = FILES_INIT;
	fs.overlay = &ov;
	char *data;
	size_t len;
	snprintf(p, sizeof p, "%s/a.brief", dir);
	assert_int_equal(files_read(&fs, p, FILES_REGULAR, &data, &len), 0);
	assert_int_equal(len, 7);
	assert_memory_equal(data, "on disk", 7);
	free(data);
	/* the overlay wins, even for a file the disk does not have */
	snprintf(q, sizeof q, "%s/unsaved.brief", dir);
	assert_int_equal(files_read(&fs, q, FILES_REGULAR, &data, &len), 0);
	assert_memory_equal(data, "from the editor", 15);
	free(data);
	/* a missing file: -1, and recorded as tried */
	snprintf(q, sizeof q, "%s/missing.brief", dir);
	assert_int_equal(files_read(&fs, q, FILES_REGULAR, &data, &len), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(fs.n, 3);
	assert_true(fs.v[0].stamp.exists);
	assert_true(fs.v[1].overlaid);
	assert_false(fs.v[2].stamp.exists);
	/* a stamp changes with the file */
	files_stamp now;
	files_stamp_of(p, &now);
	assert_true(files_stamp_equal(&now, &fs.v[0].stamp));
	put_file("a.brief", "on disk, longer");
	files_stamp_of(p, &now);
	assert_false(files_stamp_equal(&now, &fs.v[0].stamp));
	files_free(&fs);
	/* keep: the bytes read from the disk are kept as read (an editor's
	 * positions are in them), what the overlay gave is not copied */
	fs.overlay = &ov;
	fs.keep = true;
	assert_int_equal(files_read(&fs, p, FILES_REGULAR, &data, &len), 0);
	free(data);
	assert_int_equal(files_read(&fs, q, FILES_REGULAR, &data, &len), -1);
	snprintf(q, sizeof q, "%s/unsaved.brief", dir);
	assert_int_equal(files_read(&fs, q, FILES_REGULAR, &data, &len), 0);
	free(data);
	assert_int_equal(fs.v[0].len, 15);
	assert_memory_equal(fs.v[0].text, "on disk, longer", 15);
	assert_null(fs.v[1].text);
	assert_null(fs.v[2].text);
	files_free(&fs);
}

/* A directory, a device and a FIFO are refused, the FIFO without
 * waiting for a writer. */
static void test_regular_only(void **state)
{
	(void)state;
	files fs = FILES_INIT;
	char *data;
	size_t len;
	assert_int_equal(files_read(&fs, dir, FILES_REGULAR, &data, &len), -1);
	assert_int_equal(errno, EISDIR);
	assert_int_equal(files_read(&fs, "/dev/zero", FILES_REGULAR, &data, &len), -1);
	assert_int_equal(errno, ENODEV);
	char p[256];
	snprintf(p, sizeof p, "%s/fifo", dir);
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(files_read(&fs, p, FILES_REGULAR, &data, &len), -1);
	assert_int_equal(errno, ENODEV);
	files_free(&fs);
}

static void expect(const char *root, const char *from, const char *rel,
		   const char *path, const char *why)
{
	buf out = BUF_INIT;
	const char *got = files_resolve(root, from, rel, strlen(rel), &out);
	if (why) {
		assert_non_null(got);
		assert_non_null(strstr(got, why));
	} else {
		assert_null(got);
		assert_string_equal(out.data, path);
	}
	buf_free(&out);
}

static void test_resolve_lexically(void **state)
{
	(void)state;
	expect(".", "a.brief", "ch/one.brief", "ch/one.brief", NULL);
	expect(".", "./a.brief", "./ch/./one.brief", "ch/one.brief", NULL);
	expect("reports", "reports/a.brief", "ch/one.brief", "reports/ch/one.brief", NULL);
	expect("reports", "reports/ch/one.brief", "../lib.brief", "reports/lib.brief", NULL);
	expect("reports", "reports/ch/one.brief", "two.brief", "reports/ch/two.brief", NULL);
	expect("/srv/b", "/srv/b/a.brief", "x//y/../z.brief", "/srv/b/x/z.brief", NULL);
	expect("../up", "../up/a.brief", "b.brief", "../up/b.brief", NULL);
	expect(".", "a.brief", "", NULL, "no path");
	expect(".", "a.brief", "/etc/passwd", NULL, "absolute");
	expect(".", "a.brief", "https://example.org/x.brief", NULL, "URL");
	expect(".", "a.brief", "file:x.brief", NULL, "URL");
	expect(".", "a.brief", "../x.brief", NULL, "out of the brief's folder");
	expect("reports", "reports/ch/one.brief", "../../x.brief", NULL, "out of the brief's folder");
	expect("reports", "reports/a.brief", "ch/../../reports2/x", NULL, "out of the brief's folder");
	expect("/srv/b", "/srv/b/a.brief", "../../..", NULL, "out of the brief's folder");
}

static void test_resolve_links(void **state)
{
	(void)state;
	char root[128], from[256], p[256];
	snprintf(root, sizeof root, "%s/root", dir);
	assert_int_equal(mkdir(root, 0700), 0);
	snprintf(from, sizeof from, "%s/a.brief", root);
	put_file("outside.brief", "secret");
	snprintf(p, sizeof p, "%s/escape.brief", root);
	assert_int_equal(symlink("../outside.brief", p), 0);
	snprintf(p, sizeof p, "%s/loop1", root);
	assert_int_equal(symlink("loop2", p), 0);
	snprintf(p, sizeof p, "%s/loop2", root);
	assert_int_equal(symlink("loop1", p), 0);
	put_file("root/in.brief", "fine");
	snprintf(p, sizeof p, "%s/alias.brief", root);
	assert_int_equal(symlink("in.brief", p), 0);
	buf out = BUF_INIT;
	assert_non_null(strstr(files_resolve(root, from, "escape.brief", 12, &out),
			       "through a symbolic link"));
	assert_non_null(strstr(files_resolve(root, from, "loop1", 5, &out), "loop"));
	assert_null(files_resolve(root, from, "alias.brief", 11, &out));
	assert_null(files_resolve(root, from, "missing.brief", 13, &out));
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_and_record),
		cmocka_unit_test(test_regular_only),
		cmocka_unit_test(test_resolve_lexically),
		cmocka_unit_test(test_resolve_links),
	};
	return cmocka_run_group_tests_name("files", tests, setup, teardown);
}
