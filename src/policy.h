/*
 * policy.h - the severity policy: which diagnostics are errors, which are
 * warnings, which are not shown at all, and how many are shown.
 *
 * The checks report every problem with its code's default severity
 * (diag_code_default).  The policy then decides, for each diagnostic:
 *
 *   1. A code whose default is error stays an error.  It cannot be
 *      disabled: -Wno-CODE for it is a usage error.
 *   2. A warning code disabled with -Wno-CODE is dropped, even in a final
 *      brief or with --strict (the command line is the last word); so is
 *      one the brief's front matter names in `allow:`, unless the command
 *      line names the code (-W CODE or -Werror=CODE).
 *   3. Otherwise the warning becomes an error when the brief says
 *      `status: final`, or with --strict, -Werror, or -Werror=CODE.
 *   4. Otherwise it stays a warning.
 *
 * For one code the last of -W CODE, -Wno-CODE and -Werror=CODE wins;
 * -W CODE undoes an earlier -Wno-CODE (every warning is on by default).
 * --max-errors N (default 50, 0 for no limit) is kept here for the output
 * side: see diag_format.h.
 */
#ifndef BRIEFC_POLICY_H
#define BRIEFC_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "buf.h"
#include "diag.h"

enum { POLICY_MAX_ERRORS_DEFAULT = 50 };

typedef enum policy_state {
	POLICY_DEFAULT,		/* the code's default, subject to strict/final */
	POLICY_ENABLED,		/* -W CODE: same as the default, stated */
	POLICY_DISABLED,	/* -Wno-CODE */
	POLICY_ERROR		/* -Werror=CODE */
} policy_state;

typedef struct policy {
	bool strict;		/* --strict */
	bool werror;		/* -Werror */
	unsigned char code[DC__COUNT];	/* policy_state of each code */
	size_t max_errors;	/* diagnostics shown at most; 0: all */
} policy;

void policy_init(policy *p);

/*
 * Parse one command-line argument, arg, with next the argument after it
 * (NULL at the end).  Accepts --strict, -Werror, -Werror=CODE, -W CODE,
 * -WCODE, -Wno-CODE, --max-errors N and --max-errors=N.
 *
 * Returns the number of arguments used (1, or 2 when next was the value),
 * 0 when arg is not a policy option (the caller tries its own options), or
 * -1 on a usage error, with a one-line message (no newline) appended to
 * err, including a did-you-mean for a misspelt code.  The caller exits 2.
 */
int policy_parse_option(policy *p, const char *arg, const char *next, buf *err);

/* Set the severity of each diagnostic of dl, dropping the disabled ones;
 * final is the brief's `status: final`, allowed (or NULL) its `allow:`
 * codes. */
void policy_apply_list(const policy *p, diag_list *dl, bool final,
		       const bool *allowed);
/* The same for a loaded document (final and allow: from its front matter). */
void policy_apply(const policy *p, ast_doc *d);

#endif
