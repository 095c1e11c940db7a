/*
 * check_files.c - missing-file: every image a brief names (a figure's
 * src:, the front matter's logo:) must be a PNG or JPEG file in the
 * brief's folder tree, readable, its bytes those of its type (image.h).
 *
 * The build embeds or copies these files; a path that leaves the folder,
 * a URL, or a device would make the output depend on what the author's
 * machine happens to hold, or leak a file that is not part of the brief.
 */
#include "check.h"
#include "check_util.h"
#include "image.h"

static void check_image(ast_doc *d, const ast_field *f, const char *owner)
{
	if (!f || !f->value.len)
		return;		/* missing-field or bad-value */
	image_file img;
	buf why = BUF_INIT, help = BUF_INIT;
	if (image_locate_field(d, f, &img, &why, &help) == 0) {
		image_file_free(&img);
	} else {
		size_t k = diag_report(&d->diags, DC_MISSING_FILE, f->value_at,
				       "%s: '%s' %s", owner, CHECK_Q(d, f->value),
				       why.data);
		if (help.len)
			diag_add_help(&d->diags, k, "%s", help.data);
	}
	buf_free(&why);
	buf_free(&help);
}

void check_missing_file(ast_doc *d)
{
	check_image(d, d->meta.logo, "the logo");
	for (size_t i = 0; i < d->figures.n; i++) {
		const ast_node *f = d->figures.v[i];
		check_image(d, ast_float_of(f->u.block)->f_src, check_block_title(d, f));
	}
}
