/*
 * policy.c - command-line severity options and their application to a
 * document's diagnostics (the rules are in policy.h).
 */
#include <stdlib.h>
#include <string.h>

#include "policy.h"

void policy_init(policy *p)
{
	memset(p, 0, sizeof *p);
	p->max_errors = POLICY_MAX_ERRORS_DEFAULT;
}

/* The code named by name, or -1 with a message in err. */
static int lookup_code(const char *name, const char *opt, buf *err)
{
	int c = diag_code_lookup(name);
	if (c >= 0)
		return c;

	const char *names[DC__COUNT];
	for (int i = 0; i < DC__COUNT; i++)
		names[i] = diag_code_name((diag_code)i);
	buf_printf(err, "unknown diagnostic code '%s' in '%s'", name, opt);
	const char *s = diag_suggest(name, strlen(name), names, DC__COUNT);
	if (s)
		buf_printf(err, "; did you mean '%s'?", s);
	return -1;
}

static int set_code(policy *p, const char *name, const char *opt,
		    policy_state st, buf *err)
{
	int c = lookup_code(name, opt, err);
	if (c < 0)
		return -1;
	if (st == POLICY_DISABLED && diag_code_default((diag_code)c) == DS_ERROR) {
		buf_printf(err, "'%s': '%s' is an error and cannot be disabled",
			   opt, name);
		return -1;
	}
	p->code[c] = (unsigned char)st;
	return 0;
}

static int max_errors(policy *p, const char *v, buf *err)
{
	char *end;
	unsigned long long n;

	if (!v || !*v || *v == '-' || *v == '+') {
		buf_printf(err, "--max-errors needs a number (0 for no limit)%s%s%s",
			   v ? ", not '" : "", v ? v : "", v ? "'" : "");
		return -1;
	}
	n = strtoull(v, &end, 10);
	if (*end != '\0') {
		buf_printf(err, "--max-errors needs a number (0 for no limit), "
			   "not '%s'", v);
		return -1;
	}
	p->max_errors = n > (size_t)-1 ? (size_t)-1 : (size_t)n;
	return 0;
}

int policy_parse_option(policy *p, const char *arg, const char *next, buf *err)
{
	if (strcmp(arg, "--strict") == 0) {
		p->strict = true;
		return 1;
	}
	if (strcmp(arg, "-Werror") == 0) {
		p->werror = true;
		return 1;
	}
	if (strncmp(arg, "-Werror=", 8) == 0)
		return set_code(p, arg + 8, arg, POLICY_ERROR, err) ? -1 : 1;
	if (strncmp(arg, "-Wno-", 5) == 0)
		return set_code(p, arg + 5, arg, POLICY_DISABLED, err) ? -1 : 1;
	if (strcmp(arg, "-W") == 0) {
		if (!next) {
			buf_puts(err, "-W needs a diagnostic code");
			return -1;
		}
		return set_code(p, next, "-W", POLICY_ENABLED, err) ? -1 : 2;
	}
	if (strncmp(arg, "-W", 2) == 0)
		return set_code(p, arg + 2, arg, POLICY_ENABLED, err) ? -1 : 1;
	if (strcmp(arg, "--max-errors") == 0)
		return max_errors(p, next, err) ? -1 : 2;
	if (strncmp(arg, "--max-errors=", 13) == 0)
		return max_errors(p, arg + 13, err) ? -1 : 1;
	return 0;
}

static void drop(diag *d)
{
	diag_note *n = d->notes;
	while (n) {
		diag_note *next = n->next;
		free(n->msg);
		free(n);
		n = next;
	}
	free(d->msg);
}

void policy_apply_list(const policy *p, diag_list *dl, bool final,
		       const bool *allowed)
{
	size_t o = 0;

	for (size_t i = 0; i < dl->n; i++) {
		diag *d = &dl->items[i];
		policy_state st = (policy_state)p->code[d->code];
		diag_severity sev = diag_code_default(d->code);

		if (sev == DS_WARNING) {
			if (st == POLICY_DISABLED ||
			    (st == POLICY_DEFAULT && allowed && allowed[d->code])) {
				drop(d);
				continue;
			}
			if (st == POLICY_ERROR || p->strict || p->werror || final)
				sev = DS_ERROR;
		}
		d->severity = sev;
		dl->items[o++] = *d;
	}
	dl->n = o;
}

void policy_apply(const policy *p, ast_doc *d)
{
	policy_apply_list(p, &d->diags, d->meta.final, d->meta.allowed);
}
