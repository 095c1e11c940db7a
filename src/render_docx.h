/*
 * render_docx.h - the Word (.docx) backend.
 */
#ifndef BRIEFC_RENDER_DOCX_H
#define BRIEFC_RENDER_DOCX_H

#include "render.h"

/*
 * Append the document as a .docx package (a ZIP archive) to out.  ref,
 * when not NULL, is the content of a Word document ref_len bytes long
 * (--reference-doc) whose styles and theme replace the built-in ones.
 * Returns 0, or -1 with a message in err: the template is not a usable
 * Word document, or the package would be too large.
 */
int render_docx(const ast_doc *d, const render_options *o, const char *ref, size_t ref_len,
		buf *out, buf *err);

#endif
