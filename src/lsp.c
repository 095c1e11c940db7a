/*
 * lsp.c - the language server: the JSON-RPC session, the life cycle
 * (initialize, shutdown, exit), the open documents, which brief each is
 * part of, and when the briefs are checked (lsp.h).
 *
 * One thread, one loop: read what the client sent, handle every whole
 * message, then check the briefs whose wait is over, then wait for input,
 * for the next check to fall due or for the next look at the disk.  A
 * change only edits the text and starts the wait; a request about a
 * document checks its brief first if it changed, so every answer is
 * about the text the editor has.
 *
 * A brief is more than one document: its chapters and libraries are
 * files of their own, which the editor may have open or not.  Each open
 * document belongs to one brief, whose root is an open document too:
 * itself, or the most recently opened open document that reads it (an
 * include, a library).  Only roots are checked: a chapter is checked as
 * part of the brief that includes it, every file read through the open
 * documents first (an unsaved buffer wins over the disk), and the
 * diagnostics of each file go to that file's URI, published by the one
 * root whose file it is (publisher_of).  docs/lsp.md says the same for
 * authors.
 *
 * Nothing the client sends ends the server but `exit` or the end of its
 * input: a message that is not JSON, not JSON-RPC, not a method we know,
 * or that comes before `initialize` or after `shutdown` gets the error
 * JSON-RPC prescribes (a notification is dropped), and the loop goes on.
 */
#include "lsp.h"

#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "files.h"
#include "hash.h"
#include "lsp_features.h"
#include "lsp_index.h"
#include "lsp_io.h"
#include "lsp_text.h"
#include "policy.h"
#include "xalloc.h"

#ifndef BRIEFC_VERSION
#define BRIEFC_VERSION "0.0.0"
#endif

/* JSON-RPC and LSP error codes. */
enum {
	ERR_PARSE = -32700,
	ERR_INVALID_REQUEST = -32600,
	ERR_METHOD_NOT_FOUND = -32601,
	ERR_INVALID_PARAMS = -32602,
	ERR_NOT_INITIALIZED = -32002,
	ERR_REQUEST_FAILED = -32803
};

/* The largest document followed: twice what the loader takes, so that a
 * document over the loader's limit is still shown as too large rather
 * than lost. */
#define LSP_MAX_DOCUMENT (2 * SOURCE_MAX_BYTES)

typedef struct lsp_doc lsp_doc;

struct lsp_doc {
	char *uri;
	char *path;		/* the file a file: URI names, else the URI */
	json_int_t version;
	lsp_text text;
	unsigned long opened;	/* the order of its didOpen */
	lsp_doc *owner;		/* the root of the brief it is part of
				 * (itself: a root) */
	/* A root's: */
	lsp_analysis *an;	/* of the brief as it is, or NULL */
	files reads;		/* what its last analysis read: the paths
				 * tried, with their stamps */
	htab readset;		/* those paths (keys in reads) */
	bool unpublished;	/* changed since diagnostics were published */
	double changed, first_change;	/* when (lsp_now) */
};

/*
 * A URI given diagnostics that are not empty (or an open document's,
 * empty or not), and the root that gave them: its next publish replaces
 * or clears them, and when it goes, the root whose file it is now takes
 * them over, or they are cleared.
 */
typedef struct published {
	char *uri, *path;
	lsp_doc *root;
	unsigned long round;	/* of the root's last publish that sent it */
} published;

typedef enum lsp_state {
	ST_NEW,			/* before initialize */
	ST_READY,
	ST_SHUTDOWN		/* after shutdown: only exit is welcome */
} lsp_state;

typedef struct server {
	lsp_reader in;
	int out;
	bool gone;		/* a write failed: the client is not there */
	bool exit;		/* exit received */
	lsp_state state;
	lsp_encoding enc;
	policy pol;
	/*
	 * The open documents.  An editor has a handful open, and a lookup
	 * costs a comparison of their URIs or paths: next to the check of a
	 * whole brief that every change makes, nothing; so a list, in the
	 * order they were opened.
	 */
	lsp_doc **docs;
	size_t ndocs, capdocs;
	unsigned long opened;	/* didOpens so far */
	bool reassign;		/* an analysis was made: owners may change */
	published *pubs;
	size_t npubs, cappubs;
	unsigned long round;	/* publishes so far */
	/* from the client's capabilities */
	bool can_register;	/* workspace/didChangeWatchedFiles, dynamically */
	bool doc_changes;	/* WorkspaceEdit.documentChanges */
	double next_poll;	/* when to look at the disk next */
	json_int_t next_id;	/* of our requests to the client */
} server;

static double lsp_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- writing ---- */

static void send(server *s, json_t *msg)
{
	if (!msg) {
		/* every string in a message went through lsp_json_str, so
		 * this is a bug, not the client's doing: say so, go on */
		fputs("briefc lsp: internal error: a message could not be made\n", stderr);
		return;
	}
	if (!s->gone) {
		json_object_set_new(msg, "jsonrpc", json_string("2.0"));
		char *text = json_dumps(msg, JSON_COMPACT);
		if (!text || lsp_write(s->out, text, strlen(text)) != 0)
			s->gone = true;
		free(text);
	}
	json_decref(msg);
}

static void reply(server *s, json_t *id, json_t *result)
{
	send(s, json_pack("{s:O,s:o}", "id", id, "result", result ? result : json_null()));
}

static void reply_error(server *s, json_t *id, int code, const char *msg)
{
	send(s, json_pack("{s:O,s:{s:i,s:o}}", "id", id ? id : json_null(), "error",
			  "code", code, "message", lsp_json_str(msg, strlen(msg))));
}

static void notify(server *s, const char *method, json_t *params)
{
	send(s, json_pack("{s:s,s:o}", "method", method, "params", params));
}

/* A request of ours to the client; its id. */
static json_int_t ask(server *s, const char *method, json_t *params)
{
	json_int_t id = s->next_id++;
	send(s, json_pack("{s:I,s:s,s:o}", "id", id, "method", method, "params", params));
	return id;
}

/* ---- documents ---- */

static lsp_doc *doc_find(const server *s, const char *uri)
{
	for (size_t i = 0; i < s->ndocs; i++)
		if (strcmp(s->docs[i]->uri, uri) == 0)
			return s->docs[i];
	return NULL;
}

static lsp_doc *doc_at(const server *s, const char *path)
{
	for (size_t i = 0; i < s->ndocs; i++)
		if (strcmp(s->docs[i]->path, path) == 0)
			return s->docs[i];
	return NULL;
}

/* The open documents as an analysis reads them (lsp_opened). */
static const lsp_text *open_find(void *ctx, const char *path, const char **uri,
				 long long *version)
{
	lsp_doc *d = doc_at(ctx, path);
	if (!d)
		return NULL;
	*uri = d->uri;
	*version = d->version;
	return &d->text;
}

static bool is_root(const lsp_doc *d)
{
	return d->owner == d;
}

/* Whether the last analysis of root r read path (or tried to). */
static bool reads(const lsp_doc *r, const char *path)
{
	return htab_get(&r->readset, path, strlen(path)) != NULL;
}

static void forget_reads(lsp_doc *d)
{
	htab_free(&d->readset);
	files_free(&d->reads);
}

static void doc_free(lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	lsp_text_free(&d->text);
	lsp_analysis_free(d->an);
	forget_reads(d);
	free(d);
}

/* Root r's brief changed: check it again after the wait. */
static void invalidate(lsp_doc *r)
{
	lsp_analysis_free(r->an);
	r->an = NULL;
	r->changed = lsp_now();
	if (!r->unpublished)
		r->first_change = r->changed;
	r->unpublished = true;
}

/* Root r's diagnostics are to be published again at once (its analysis
 * kept, if it has one). */
static void due_now(lsp_doc *r)
{
	r->unpublished = true;
	r->changed = r->first_change = 0;
}

/* The file at path changed (its text in the editor, its being open, or
 * on the disk): every brief that reads it is checked again. */
static void touched(server *s, const char *path)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		lsp_doc *r = s->docs[i];
		if (is_root(r) && (strcmp(r->path, path) == 0 || reads(r, path)))
			invalidate(r);
	}
}

/* The root that publishes the diagnostics of the file at path: the
 * root of the open document that is that file, else the most recently
 * opened root that reads it; NULL if none. */
static lsp_doc *publisher_of(const server *s, const char *path)
{
	lsp_doc *d = doc_at(s, path);
	if (d)
		return d->owner;
	lsp_doc *best = NULL;
	for (size_t i = 0; i < s->ndocs; i++) {
		lsp_doc *r = s->docs[i];
		if (is_root(r) && reads(r, path) && (!best || r->opened > best->opened))
			best = r;
	}
	return best;
}

/* The analysis of root r's brief as it is now. */
static lsp_analysis *doc_analysis(server *s, lsp_doc *r)
{
	if (r->an)
		return r->an;
	forget_reads(r);
	lsp_opened op = {open_find, s};
	r->an = lsp_analyse(r->path, r->uri, &r->text, r->version, lsp_uri_is_file(r->uri), &op,
			    &r->reads, &s->pol);
	for (size_t i = 0; i < r->reads.n; i++)
		htab_put(&r->readset, r->reads.v[i].path, strlen(r->reads.v[i].path), NULL);
	/* what it reads decides which documents are part of it */
	s->reassign = true;
	return r->an;
}

/* ---- publishing ---- */

static published *pub_find(const server *s, const char *uri)
{
	for (size_t i = 0; i < s->npubs; i++)
		if (strcmp(s->pubs[i].uri, uri) == 0)
			return &s->pubs[i];
	return NULL;
}

static void pub_drop(server *s, published *p)
{
	free(p->uri);
	free(p->path);
	*p = s->pubs[--s->npubs];
}

static void send_diagnostics(server *s, const char *uri, const lsp_doc *open, json_t *list)
{
	json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", list);
	if (open)
		json_object_set_new(params, "version", json_integer(open->version));
	notify(s, "textDocument/publishDiagnostics", params);
}

/* The diagnostics root r gave and no longer gives: taken over by the
 * root whose file each is now, or cleared. */
static void orphan(server *s, const lsp_doc *r, unsigned long round)
{
	for (size_t i = 0; i < s->npubs;) {
		published *p = &s->pubs[i];
		if (p->root != r || p->round == round) {
			i++;
			continue;
		}
		lsp_doc *now = publisher_of(s, p->path);
		if (now && now != r) {
			p->root = now;
			due_now(now);
			i++;
			continue;
		}
		send_diagnostics(s, p->uri, doc_at(s, p->path), json_array());
		pub_drop(s, p);
	}
}

/* Check root r's brief if it changed, and publish the diagnostics of
 * each of its files that it publishes. */
static void publish(server *s, lsp_doc *r)
{
	lsp_analysis *an = doc_analysis(s, r);
	json_t *all = lsp_diagnostics(an, s->enc);
	unsigned long round = ++s->round;
	for (size_t i = 0; i < an->nfiles && !s->gone; i++) {
		const lsp_file *f = &an->files[i];
		if (publisher_of(s, f->path) != r)
			continue;
		json_t *list = json_array_get(all, i);
		lsp_doc *open = doc_at(s, f->path);
		published *p = pub_find(s, f->uri);
		if (!open && !json_array_size(list) && !p)
			continue;
		send_diagnostics(s, f->uri, open, json_incref(list));
		if (!p) {
			s->pubs = xgrow(s->pubs, &s->cappubs, s->npubs, sizeof *s->pubs,
					"the diagnostics published");
			p = &s->pubs[s->npubs++];
			p->uri = xstrdup(f->uri, "a URI");
			p->path = xstrdup(f->path, "a path");
		}
		p->root = r;
		p->round = round;
	}
	json_decref(all);
	orphan(s, r, round);
	r->unpublished = false;
}

/* ---- which brief each document is part of ---- */

/*
 * Decide the root of every open document.  A root is a document no
 * other open document reads; each of the others belongs to the most
 * recently opened root that reads it (a chapter open with the brief that
 * includes it is checked as part of that brief).  Documents that read
 * each other (an include cycle, or what roots read before) make no root
 * by that rule: then the most recently opened of them is one, and the
 * rest follow.  Only roots have reads.  Returns whether a root changed.
 */
static bool assign(server *s)
{
	size_t n = s->ndocs;
	lsp_doc **old = xcalloc(n, sizeof *old, "the open documents");
	for (size_t i = 0; i < n; i++) {
		old[i] = s->docs[i]->owner;
		s->docs[i]->owner = NULL;
	}
	bool *root = xcalloc(n, sizeof *root, "the open documents");
	for (size_t left = n; left;) {
		/* the documents nothing read by a root or unsettled reads */
		size_t made = 0;
		for (size_t i = 0; i < n; i++) {
			lsp_doc *x = s->docs[i];
			bool read = x->owner != NULL;
			for (size_t j = 0; j < n && !read; j++) {
				const lsp_doc *r = s->docs[j];
				read = r != x && (!r->owner || is_root(r)) && reads(r, x->path);
			}
			root[i] = !read;
			made += !read;
		}
		if (!made) {
			size_t last = n;
			for (size_t i = 0; i < n; i++)
				if (!s->docs[i]->owner &&
				    (last == n || s->docs[i]->opened > s->docs[last]->opened))
					last = i;
			root[last] = true;
		}
		for (size_t i = 0; i < n; i++)
			if (root[i]) {
				s->docs[i]->owner = s->docs[i];
				left--;
			}
		/* what the roots read is theirs */
		for (size_t i = 0; i < n; i++) {
			lsp_doc *y = s->docs[i];
			if (y->owner)
				continue;
			lsp_doc *best = NULL;
			for (size_t j = 0; j < n; j++) {
				lsp_doc *r = s->docs[j];
				if (is_root(r) && reads(r, y->path) && (!best || r->opened > best->opened))
					best = r;
			}
			if (best) {
				y->owner = best;
				left--;
			}
		}
	}
	bool changed = false;
	for (size_t i = 0; i < n; i++) {
		lsp_doc *d = s->docs[i];
		if (d->owner == old[i])
			continue;
		if (!old[i]) {
			/* just opened: its root, which reads it, is being
			 * checked again already (touched) */
			if (is_root(d))
				invalidate(d);
			continue;
		}
		changed = true;
		if (old[i] == d) {
			/* no longer a root: part of another brief now */
			lsp_analysis_free(d->an);
			d->an = NULL;
			d->unpublished = false;
			forget_reads(d);
		} else if (is_root(d)) {
			invalidate(d);
		}
	}
	if (changed) {
		for (size_t i = 0; i < n; i++) {
			lsp_doc *d = s->docs[i];
			if (is_root(d))
				due_now(d);
			else if (old[i] == d)
				orphan(s, d, 0);
		}
	}
	free(old);
	free(root);
	return changed;
}

/* Settle which brief each document is part of, after what changed it
 * (never while a request holds an analysis). */
static void settle(server *s)
{
	/* An analysis made here may change what its root reads, and so the
	 * roots again: a few rounds settle any real case; what is left then
	 * is settled at the next message. */
	for (int i = 0; i < 4 && s->reassign; i++) {
		s->reassign = false;
		assign(s);
	}
}

/* ---- parameters ---- */

/* A string member's bytes (NUL bytes allowed), or NULL. */
static const char *get_str(json_t *obj, const char *key, size_t *len)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_string(v))
		return NULL;
	if (len)
		*len = json_string_length(v);
	return json_string_value(v);
}

static bool get_uint(json_t *obj, const char *key, uint32_t *out)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) > (json_int_t)UINT32_MAX)
		return false;
	*out = (uint32_t)json_integer_value(v);
	return true;
}

static bool get_pos(json_t *obj, lsp_pos *p)
{
	return json_is_object(obj) && get_uint(obj, "line", &p->line) &&
	       get_uint(obj, "character", &p->character);
}

/* params.textDocument.uri */
static const char *doc_uri(json_t *params)
{
	return get_str(json_object_get(params, "textDocument"), "uri", NULL);
}

/* ---- notifications ---- */

/* The whole text, cut at LSP_MAX_DOCUMENT (and said so): the loader
 * takes half that, so the document is then reported as too large. */
static void doc_set(lsp_doc *d, const char *text, size_t len)
{
	if (len > LSP_MAX_DOCUMENT) {
		fprintf(stderr, "briefc lsp: %s: only the first %zu bytes of %zu are kept\n",
			d->uri, (size_t)LSP_MAX_DOCUMENT, len);
		len = LSP_MAX_DOCUMENT;
	}
	lsp_text_set(&d->text, text, len);
}

static void did_open(server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	size_t len;
	const char *uri = get_str(td, "uri", NULL);
	const char *text = get_str(td, "text", &len);
	if (!uri || !text) {
		fputs("briefc lsp: didOpen without textDocument.uri and .text: ignored\n", stderr);
		return;
	}
	lsp_doc *d = doc_find(s, uri);
	if (!d) {
		d = xcalloc(1, sizeof *d, "an open document");
		d->uri = xstrdup(uri, "a URI");
		d->path = lsp_uri_path(uri);
		lsp_text_init(&d->text);
		s->docs = xgrow(s->docs, &s->capdocs, s->ndocs, sizeof *s->docs,
				"the open documents");
		s->docs[s->ndocs++] = d;
	}
	d->opened = ++s->opened;
	json_t *v = json_object_get(td, "version");
	d->version = json_is_integer(v) ? json_integer_value(v) : 0;
	doc_set(d, text, len);
	/* the briefs that read it read this text now, not the disk's */
	touched(s, d->path);
	s->reassign = true;
	settle(s);
	/* diagnostics on open at once: the author waits for nothing */
	publish(s, d->owner);
}

static void did_change(server *s, json_t *params)
{
	const char *uri = doc_uri(params);
	lsp_doc *d = uri ? doc_find(s, uri) : NULL;
	json_t *changes = json_object_get(params, "contentChanges");
	if (!d || !json_is_array(changes)) {
		fputs("briefc lsp: didChange for a document not open, or without contentChanges: ignored\n",
		      stderr);
		return;
	}
	json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
	if (json_is_integer(v))
		d->version = json_integer_value(v);
	size_t i;
	json_t *ch;
	json_array_foreach(changes, i, ch) {
		size_t len;
		const char *text = get_str(ch, "text", &len);
		json_t *range = json_object_get(ch, "range");
		if (!text) {
			fputs("briefc lsp: a content change without text: ignored\n", stderr);
			continue;
		}
		if (!range) {
			doc_set(d, text, len);
			continue;
		}
		lsp_pos a, b;
		if (!get_pos(json_object_get(range, "start"), &a) ||
		    !get_pos(json_object_get(range, "end"), &b)) {
			fputs("briefc lsp: a content change with a malformed range: ignored\n", stderr);
			continue;
		}
		size_t from = lsp_text_offset(&d->text, s->enc, a);
		size_t to = lsp_text_offset(&d->text, s->enc, b);
		if (from > to) {
			size_t t = from;
			from = to;
			to = t;
		}
		if (d->text.len - (to - from) + len > LSP_MAX_DOCUMENT) {
			fputs("briefc lsp: a change would make the document larger than the limit: ignored\n",
			      stderr);
			continue;
		}
		lsp_text_replace(&d->text, from, to, text, len);
	}
	touched(s, d->path);
}

static void did_close(server *s, json_t *params)
{
	const char *uri = doc_uri(params);
	lsp_doc *d = uri ? doc_find(s, uri) : NULL;
	if (!d)
		return;
	/* a closed document's diagnostics go with it (a brief that reads
	 * it now reads the disk's, and says what it finds there) */
	send_diagnostics(s, d->uri, NULL, json_array());
	published *p = pub_find(s, d->uri);
	if (p)
		pub_drop(s, p);
	for (size_t i = 0; i < s->ndocs; i++)
		if (s->docs[i] == d) {
			memmove(&s->docs[i], &s->docs[i + 1], (s->ndocs - i - 1) * sizeof *s->docs);
			s->ndocs--;
			break;
		}
	touched(s, d->path);
	s->reassign = true;
	settle(s);
	orphan(s, d, 0);
	doc_free(d);
}

/* Files changed on the disk (the client watches them): the briefs that
 * read them, and do not have them open, are checked again. */
static void did_change_watched(server *s, json_t *params)
{
	size_t i;
	json_t *ch;
	json_array_foreach(json_object_get(params, "changes"), i, ch) {
		const char *uri = get_str(ch, "uri", NULL);
		if (!uri)
			continue;
		char *path = lsp_uri_path(uri);
		/* an open document's text is the editor's, whatever the disk says */
		if (!doc_at(s, path))
			touched(s, path);
		free(path);
	}
}

/* A look at the stamps of what each brief read from the disk (the
 * client may not watch them, or not all: initialized). */
static void poll_disk(server *s)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		lsp_doc *r = s->docs[i];
		if (!is_root(r) || !r->an)
			continue;
		for (size_t k = 0; k < r->reads.n; k++) {
			const files_input *in = &r->reads.v[k];
			files_stamp now;
			if (in->overlaid || doc_at(s, in->path))
				continue;
			files_stamp_of(in->path, &now);
			if (!files_stamp_equal(&now, &in->stamp)) {
				invalidate(r);
				break;
			}
		}
	}
}

/* ---- requests ---- */

static json_t *initialize(server *s, json_t *params)
{
	json_t *caps = json_object_get(params, "capabilities");
	json_t *encs = json_object_get(json_object_get(caps, "general"), "positionEncodings");
	/* Prefer what briefc counts in (bytes), then code points; UTF-16,
	 * which every client speaks, when offered nothing else. */
	bool has[3] = {false, false, false};
	size_t i;
	json_t *e;
	json_array_foreach(encs, i, e) {
		int k = json_is_string(e) ? lsp_encoding_lookup(json_string_value(e)) : -1;
		if (k >= 0)
			has[k] = true;
	}
	s->enc = has[LSP_UTF8] ? LSP_UTF8 : has[LSP_UTF32] ? LSP_UTF32 : LSP_UTF16;
	json_t *ws = json_object_get(caps, "workspace");
	s->can_register = json_is_true(json_object_get(
		json_object_get(ws, "didChangeWatchedFiles"), "dynamicRegistration"));
	s->doc_changes = json_is_true(json_object_get(json_object_get(ws, "workspaceEdit"),
						      "documentChanges"));
	return json_pack(
		"{s:{s:s,s:{s:b,s:i},s:b,s:b,s:b,s:{s:b},s:{s:[s,s,s,s,s]},s:b,s:{s:[s]},s:b},"
		"s:{s:s,s:s}}",
		"capabilities",
		"positionEncoding", lsp_encoding_name(s->enc),
		"textDocumentSync", "openClose", 1, "change", 2,
		"hoverProvider", 1,
		"definitionProvider", 1,
		"referencesProvider", 1,
		"renameProvider", "prepareProvider", 1,
		"completionProvider", "triggerCharacters", "@", "^", " ", ",", ":",
		"documentSymbolProvider", 1,
		"codeActionProvider", "codeActionKinds", "quickfix",
		"documentFormattingProvider", 1,
		"serverInfo", "name", "briefc", "version", BRIEFC_VERSION);
}

/*
 * After initialized: ask the client to tell us of changes to the files
 * briefs read (chapters, libraries) that it does not have open.  We look
 * at them ourselves too, every LSP_POLL seconds (poll_disk): a client
 * watches only its workspace's folders, and a library is often outside.
 */
static void initialized(server *s)
{
	if (!s->can_register)
		return;
	ask(s, "client/registerCapability", json_pack(
		"{s:[{s:s,s:s,s:{s:[{s:s},{s:s},{s:s}]}}]}", "registrations",
		"id", "briefc-watch", "method", "workspace/didChangeWatchedFiles",
		"registerOptions", "watchers", "globPattern", "**/*.brief",
		"globPattern", "**/*.json", "globPattern", "**/*.{png,jpg,jpeg}"));
}

typedef enum need {
	NEED_TEXT,		/* params.textDocument.uri: the text alone */
	NEED_DOC,		/* and the analysis */
	NEED_POS,		/* and params.position */
	NEED_POS_LAZY		/* the same; the analysis only if asked for */
} need;

typedef struct lazy_doc {
	server *s;
	lsp_doc *root;
} lazy_doc;

/* The analysis of a brief as it is; made now if it changed, and then
 * its diagnostics are published too, the work being done. */
static const lsp_analysis *lazy_analysis(void *arg)
{
	lazy_doc *ld = arg;
	if (ld->root->unpublished)
		publish(ld->s, ld->root);
	return doc_analysis(ld->s, ld->root);
}

typedef json_t *(*doc_request)(server *s, lsp_ctx *c, size_t off, json_t *params,
			       json_t *id, bool *answered);

static json_t *rq_hover(server *s, lsp_ctx *c, size_t off, json_t *params, json_t *id,
			bool *answered)
{
	(void)s, (void)params, (void)id, (void)answered;
	return lsp_hover(c, off);
}

static json_t *rq_definition(server *s, lsp_ctx *c, size_t off, json_t *params, json_t *id,
			     bool *answered)
{
	(void)s, (void)params, (void)id, (void)answered;
	return lsp_definition(c, off);
}

static json_t *rq_references(server *s, lsp_ctx *c, size_t off, json_t *params, json_t *id,
			     bool *answered)
{
	(void)s, (void)id, (void)answered;
	json_t *decl = json_object_get(json_object_get(params, "context"), "includeDeclaration");
	return lsp_references(c, off, json_is_true(decl));
}

static json_t *rq_prepare_rename(server *s, lsp_ctx *c, size_t off, json_t *params,
				 json_t *id, bool *answered)
{
	(void)s, (void)params, (void)id, (void)answered;
	return lsp_prepare_rename(c, off);
}

/*
 * A rename: every use in the brief, and when a library defines the ID,
 * every use in each other open brief that reads that library too (the
 * library is theirs as well; the briefs not open are not seen).
 */
static json_t *rq_rename(server *s, lsp_ctx *c, size_t off, json_t *params, json_t *id,
			 bool *answered)
{
	size_t len;
	const char *name = get_str(params, "newName", &len);
	if (!name) {
		reply_error(s, id, ERR_INVALID_PARAMS, "rename needs params.newName, a string");
		*answered = true;
		return NULL;
	}
	buf err = BUF_INIT;
	lsp_edits edits = {NULL, 0, 0};
	const lsp_file *library;
	str old;
	bool ok = lsp_rename(c, off, name, len, &edits, &err, &library, &old);
	const lsp_doc *root = ((lazy_doc *)c->arg)->root;
	for (size_t i = 0; ok && library && i < s->ndocs; i++) {
		lsp_doc *r = s->docs[i];
		if (r != root && is_root(r) && reads(r, library->path))
			ok = lsp_rename_in(doc_analysis(s, r), library->path, old, name, len,
					   &edits, &err);
	}
	json_t *r = NULL;
	if (ok) {
		r = lsp_edits_json(&edits, s->enc, s->doc_changes);
	} else {
		lsp_edits_free(&edits);
		reply_error(s, id, ERR_REQUEST_FAILED, err.data);
		*answered = true;
	}
	buf_free(&err);
	return r;
}

static json_t *rq_completion(server *s, lsp_ctx *c, size_t off, json_t *params, json_t *id,
			     bool *answered)
{
	(void)s, (void)params, (void)id, (void)answered;
	return lsp_completion(c, off);
}

static json_t *rq_symbols(server *s, lsp_ctx *c, size_t off, json_t *params, json_t *id,
			  bool *answered)
{
	(void)s, (void)off, (void)params, (void)id, (void)answered;
	return lsp_symbols(c);
}

static json_t *rq_code_action(server *s, lsp_ctx *c, size_t off, json_t *params,
			      json_t *id, bool *answered)
{
	(void)off;
	json_t *range = json_object_get(params, "range");
	lsp_pos a, b;
	if (!get_pos(json_object_get(range, "start"), &a) ||
	    !get_pos(json_object_get(range, "end"), &b)) {
		reply_error(s, id, ERR_INVALID_PARAMS, "codeAction needs params.range");
		*answered = true;
		return NULL;
	}
	size_t from = lsp_text_offset(c->text, c->enc, a), to = lsp_text_offset(c->text, c->enc, b);
	return lsp_code_actions(c, from < to ? from : to, from < to ? to : from);
}

/* Formatting: what fmt would write, or nothing (null) when fmt leaves
 * the file as it is (its syntax errors are among its diagnostics). */
static json_t *rq_formatting(server *s, lsp_ctx *c, size_t off, json_t *params,
			     json_t *id, bool *answered)
{
	(void)s, (void)off, (void)params, (void)id, (void)answered;
	const char *why = "";
	json_t *r = lsp_formatting(c, &why);
	if (!r)
		fprintf(stderr, "briefc lsp: %s not formatted: %s\n", c->uri, why);
	return r;
}

typedef struct doc_method {
	const char *name;
	need need;
	doc_request fn;
} doc_method;

static const doc_method doc_methods[] = {
	{"textDocument/hover", NEED_POS, rq_hover},
	{"textDocument/definition", NEED_POS, rq_definition},
	{"textDocument/references", NEED_POS, rq_references},
	{"textDocument/prepareRename", NEED_POS, rq_prepare_rename},
	{"textDocument/rename", NEED_POS, rq_rename},
	{"textDocument/completion", NEED_POS_LAZY, rq_completion},
	{"textDocument/documentSymbol", NEED_DOC, rq_symbols},
	{"textDocument/codeAction", NEED_DOC, rq_code_action},
	{"textDocument/formatting", NEED_TEXT, rq_formatting},
};

static void doc_request_run(server *s, const doc_method *m, json_t *id, json_t *params)
{
	const char *uri = doc_uri(params);
	if (!uri) {
		reply_error(s, id, ERR_INVALID_PARAMS, "params.textDocument.uri is missing");
		return;
	}
	lsp_doc *d = doc_find(s, uri);
	if (!d) {
		reply_error(s, id, ERR_INVALID_PARAMS, "that document is not open (didOpen first)");
		return;
	}
	size_t off = 0;
	if (m->need == NEED_POS || m->need == NEED_POS_LAZY) {
		lsp_pos p;
		if (!get_pos(json_object_get(params, "position"), &p)) {
			reply_error(s, id, ERR_INVALID_PARAMS,
				    "params.position needs line and character, integers from 0");
			return;
		}
		off = lsp_text_offset(&d->text, s->enc, p);
	}
	/* An answer about the text as it is: check the brief now if it
	 * changed, and since that is done, publish what it found too. */
	lazy_doc ld = {s, d->owner};
	lsp_ctx c = {&d->text, d->path, d->uri, s->enc, d->owner->an, lazy_analysis, &ld,
		     s->doc_changes};
	if (m->need == NEED_DOC || m->need == NEED_POS)
		c.an = lazy_analysis(&ld);
	bool answered = false;
	json_t *r = m->fn(s, &c, off, params, id, &answered);
	if (!answered)
		reply(s, id, r);
}

static void request(server *s, const char *name, json_t *id, json_t *params)
{
	if (strcmp(name, "initialize") == 0) {
		if (s->state != ST_NEW) {
			reply_error(s, id, ERR_INVALID_REQUEST, "initialize was already received");
			return;
		}
		s->state = ST_READY;
		reply(s, id, initialize(s, params));
		return;
	}
	if (s->state == ST_NEW) {
		reply_error(s, id, ERR_NOT_INITIALIZED, "the server is not initialized: send initialize first");
		return;
	}
	if (s->state == ST_SHUTDOWN) {
		reply_error(s, id, ERR_INVALID_REQUEST, "the server is shut down: only exit is accepted");
		return;
	}
	if (strcmp(name, "shutdown") == 0) {
		s->state = ST_SHUTDOWN;
		reply(s, id, json_null());
		return;
	}
	for (size_t i = 0; i < sizeof doc_methods / sizeof doc_methods[0]; i++) {
		if (strcmp(name, doc_methods[i].name) == 0) {
			if (!json_is_object(params)) {
				reply_error(s, id, ERR_INVALID_PARAMS, "params must be an object");
				return;
			}
			doc_request_run(s, &doc_methods[i], id, params);
			return;
		}
	}
	buf msg = BUF_INIT;
	/* (a name cut inside a character is mended by lsp_json_str) */
	buf_printf(&msg, "unknown method '%.60s%s'", name, strlen(name) > 60 ? "..." : "");
	reply_error(s, id, ERR_METHOD_NOT_FOUND, msg.data);
	buf_free(&msg);
}

static void notification(server *s, const char *name, json_t *params)
{
	if (strcmp(name, "exit") == 0) {
		s->exit = true;
		return;
	}
	/* before initialize and after shutdown, notifications are dropped */
	if (s->state != ST_READY)
		return;
	if (!json_is_object(params))
		params = NULL;
	if (strcmp(name, "textDocument/didOpen") == 0)
		did_open(s, params);
	else if (strcmp(name, "textDocument/didChange") == 0)
		did_change(s, params);
	else if (strcmp(name, "textDocument/didClose") == 0)
		did_close(s, params);
	else if (strcmp(name, "workspace/didChangeWatchedFiles") == 0)
		did_change_watched(s, params);
	else if (strcmp(name, "initialized") == 0)
		initialized(s);
	/* didSave (the text is the editor's already), $/cancelRequest
	 * (every answer is already given when the next message is read),
	 * $/setTrace, configuration: nothing to do */
}

static void message(server *s, const char *body, size_t len)
{
	json_error_t e;
	json_t *m = json_loadb(body, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
	if (!m) {
		buf msg = BUF_INIT;
		buf_printf(&msg, "parse error: %s (at byte %d of the message)", e.text, e.position);
		reply_error(s, NULL, ERR_PARSE, msg.data);
		buf_free(&msg);
		return;
	}
	json_t *id = json_object_get(m, "id");
	json_t *method = json_object_get(m, "method");
	if (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id))
		id = NULL;
	const char *why = NULL;
	if (!json_is_object(m))
		why = "a message must be a JSON object (batches are not part of LSP)";
	else if (!json_is_string(json_object_get(m, "jsonrpc")) ||
		 strcmp(json_string_value(json_object_get(m, "jsonrpc")), "2.0") != 0)
		why = "a message must say \"jsonrpc\": \"2.0\"";
	else if (json_object_get(m, "id") && !id)
		why = "a request's id must be an integer or a string";
	else if (!method && id && (json_object_get(m, "result") || json_object_get(m, "error")))
		why = "";	/* a response to a request of ours: nothing waits for it */
	else if (!json_is_string(method))
		why = "a request or notification needs a method, a string";
	else if (json_object_get(m, "params") && !json_is_object(json_object_get(m, "params")) &&
		 !json_is_array(json_object_get(m, "params")))
		why = "params must be an object or an array";
	if (why) {
		if (*why)
			reply_error(s, id, ERR_INVALID_REQUEST, why);
	} else if (id) {
		request(s, json_string_value(method), id, json_object_get(m, "params"));
	} else {
		notification(s, json_string_value(method), json_object_get(m, "params"));
	}
	json_decref(m);
}

/* ---- the loop ---- */

/* Settle the roots, look at the disk if it is time, and check and
 * publish the briefs whose wait is over; the seconds until the next one
 * falls due (or the next look at the disk), or -1. */
static double run_due(server *s)
{
	settle(s);
	double now = lsp_now(), next = -1;
	if (now >= s->next_poll) {
		poll_disk(s);
		s->next_poll = now + LSP_POLL;
	}
	for (size_t i = 0; i < s->ndocs && !s->gone; i++) {
		lsp_doc *d = s->docs[i];
		if (!is_root(d) || !d->unpublished)
			continue;
		double due = d->changed + LSP_DEBOUNCE;
		if (due > d->first_change + LSP_MAX_WAIT)
			due = d->first_change + LSP_MAX_WAIT;
		if (due <= now) {
			publish(s, d);
			continue;
		}
		if (next < 0 || due - now < next)
			next = due - now;
	}
	/* what was checked may have changed the roots: settled at once */
	if (s->reassign)
		next = 0;
	if (s->ndocs && (next < 0 || s->next_poll - now < next))
		next = s->next_poll > now ? s->next_poll - now : 0;
	return next;
}

int lsp_serve(int in, int out)
{
	/* A client that goes away is a write error (EPIPE), not a signal. */
	signal(SIGPIPE, SIG_IGN);
	server s;
	memset(&s, 0, sizeof s);
	lsp_reader_init(&s.in, in, LSP_MAX_MESSAGE);
	s.out = out;
	policy_init(&s.pol);
	while (!s.exit && !s.gone) {
		const char *body, *err;
		size_t len;
		lsp_read r = lsp_reader_next(&s.in, &body, &len, &err);
		if (r == LSP_READ_MESSAGE) {
			message(&s, body, len);
			settle(&s);
			continue;
		}
		if (r == LSP_READ_ERROR) {
			reply_error(&s, NULL, ERR_PARSE, err);
			continue;
		}
		if (r == LSP_READ_EOF)
			break;
		double wait = run_due(&s);
		struct pollfd pfd = {in, POLLIN, 0};
		int ms = wait < 0 ? -1 : (int)(wait * 1000) + 1;
		int n = poll(&pfd, 1, ms);
		if (n < 0 && errno != EINTR)
			break;
		if (n > 0)
			lsp_reader_fill(&s.in);
	}
	/* exit after shutdown, or the input's end after it: all is well */
	int status = s.state == ST_SHUTDOWN ? 0 : 1;
	for (size_t i = 0; i < s.ndocs; i++)
		doc_free(s.docs[i]);
	free(s.docs);
	for (size_t i = 0; i < s.npubs; i++) {
		free(s.pubs[i].uri);
		free(s.pubs[i].path);
	}
	free(s.pubs);
	lsp_reader_free(&s.in);
	return status;
}
