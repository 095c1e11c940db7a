/*
 * lsp.c - the language server: the JSON-RPC session, the life cycle
 * (initialize, shutdown, exit), the open documents, and when they are
 * checked (lsp.h).
 *
 * One thread, one loop: read what the client sent, handle every whole
 * message, then check the documents whose wait is over, then wait for
 * input or for the next check to fall due.  A change only edits the text
 * and starts the wait; a request about a document checks it first if it
 * changed, so every answer is about the text the editor has.
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

#include "lsp_features.h"
#include "lsp_index.h"
#include "lsp_io.h"
#include "lsp_text.h"
#include "policy.h"

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

typedef struct lsp_doc {
	char *uri;
	char *path;		/* the file a file: URI names, else the URI */
	json_int_t version;
	lsp_text text;
	lsp_analysis *an;	/* of text as it is, or NULL */
	bool unpublished;	/* changed since diagnostics were published */
	double changed, first_change;	/* when (lsp_now) */
} lsp_doc;

struct lsp_store {
	lsp_doc **v;
	size_t n, cap;
};

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
	lsp_store docs;
} server;

static double lsp_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("briefc: out of memory\n", stderr);
		abort();
	}
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
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

/* ---- documents ---- */

static int hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* file:///a/b%20c.brief -> /a/b c.brief; any other URI stays itself. */
static char *uri_path(const char *uri)
{
	const char *p = uri;
	if (strncmp(p, "file://", 7) != 0)
		return xstrndup(uri, strlen(uri));
	p += 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	size_t n = strlen(p), k = 0;
	char *out = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		int a, b;
		if (p[i] == '%' && i + 2 < n + 1 && (a = hex(p[i + 1])) >= 0 &&
		    (b = hex(p[i + 2])) >= 0 && (a || b)) {
			out[k++] = (char)(a * 16 + b);
			i += 2;
		} else {
			out[k++] = p[i];
		}
	}
	out[k] = '\0';
	return out;
}

static lsp_doc *doc_find(const lsp_store *st, const char *uri)
{
	/* An editor has a handful of briefs open: a list is enough. */
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->v[i]->uri, uri) == 0)
			return st->v[i];
	return NULL;
}

bool lsp_store_lookup(void *store, const char *path, const char **text,
		      size_t *len)
{
	const lsp_store *st = store;
	for (size_t i = 0; i < st->n; i++) {
		if (strcmp(st->v[i]->path, path) == 0) {
			*text = st->v[i]->text.p;
			*len = st->v[i]->text.len;
			return true;
		}
	}
	return false;
}

static void doc_free(lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	lsp_text_free(&d->text);
	lsp_analysis_free(d->an);
	free(d);
}

static void doc_changed(lsp_doc *d)
{
	lsp_analysis_free(d->an);
	d->an = NULL;
	d->changed = lsp_now();
	if (!d->unpublished)
		d->first_change = d->changed;
	d->unpublished = true;
}

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

/* The analysis of the text as it is now. */
static lsp_analysis *doc_analysis(server *s, lsp_doc *d)
{
	if (!d->an)
		d->an = lsp_analyse(d->path, d->text.p, d->text.len, &s->pol);
	return d->an;
}

static void publish(server *s, lsp_doc *d)
{
	lsp_ctx c = {&d->text, s->enc, doc_analysis(s, d), d->uri, NULL, NULL};
	notify(s, "textDocument/publishDiagnostics",
	       json_pack("{s:s,s:I,s:o}", "uri", d->uri, "version", d->version,
			 "diagnostics", lsp_diagnostics(&c)));
	d->unpublished = false;
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
	lsp_doc *d = doc_find(&s->docs, uri);
	if (!d) {
		d = xmalloc(sizeof *d);
		memset(d, 0, sizeof *d);
		d->uri = xstrndup(uri, strlen(uri));
		d->path = uri_path(uri);
		lsp_text_init(&d->text);
		if (s->docs.n == s->docs.cap) {
			s->docs.cap = s->docs.cap ? 2 * s->docs.cap : 8;
			lsp_doc **v = realloc(s->docs.v, s->docs.cap * sizeof *v);
			if (!v) {
				fputs("briefc: out of memory\n", stderr);
				abort();
			}
			s->docs.v = v;
		}
		s->docs.v[s->docs.n++] = d;
	}
	json_t *v = json_object_get(td, "version");
	d->version = json_is_integer(v) ? json_integer_value(v) : 0;
	doc_set(d, text, len);
	doc_changed(d);
	/* diagnostics on open at once: the author waits for nothing */
	publish(s, d);
}

static void did_change(server *s, json_t *params)
{
	const char *uri = doc_uri(params);
	lsp_doc *d = uri ? doc_find(&s->docs, uri) : NULL;
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
	doc_changed(d);
}

static void did_close(server *s, json_t *params)
{
	const char *uri = doc_uri(params);
	for (size_t i = 0; uri && i < s->docs.n; i++) {
		lsp_doc *d = s->docs.v[i];
		if (strcmp(d->uri, uri) != 0)
			continue;
		/* a closed document's diagnostics go with it */
		notify(s, "textDocument/publishDiagnostics",
		       json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
		doc_free(d);
		s->docs.v[i] = s->docs.v[--s->docs.n];
		return;
	}
}

/* ---- requests ---- */

static json_t *initialize(server *s, json_t *params)
{
	json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"),
							"general"), "positionEncodings");
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
	return json_pack(
		"{s:{s:s,s:{s:b,s:i},s:b,s:b,s:b,s:{s:b},s:{s:[s,s,s,s]},s:b,s:{s:[s]}},"
		"s:{s:s,s:s}}",
		"capabilities",
		"positionEncoding", lsp_encoding_name(s->enc),
		"textDocumentSync", "openClose", 1, "change", 2,
		"hoverProvider", 1,
		"definitionProvider", 1,
		"referencesProvider", 1,
		"renameProvider", "prepareProvider", 1,
		"completionProvider", "triggerCharacters", "@", " ", ",", ":",
		"documentSymbolProvider", 1,
		"codeActionProvider", "codeActionKinds", "quickfix",
		"serverInfo", "name", "briefc", "version", BRIEFC_VERSION);
}

typedef enum need {
	NEED_DOC,		/* params.textDocument.uri */
	NEED_POS,		/* and params.position */
	NEED_POS_LAZY		/* the same; the analysis only if asked for */
} need;

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
	json_t *r = lsp_rename(c, off, name, len, &err);
	if (!r) {
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
};

typedef struct lazy_doc {
	server *s;
	lsp_doc *d;
} lazy_doc;

/* The analysis of a document's text as it is; made now if it changed,
 * and then its diagnostics are published too, the work being done. */
static const lsp_analysis *lazy_analysis(void *arg)
{
	lazy_doc *ld = arg;
	if (ld->d->unpublished)
		publish(ld->s, ld->d);
	return doc_analysis(ld->s, ld->d);
}

static void doc_request_run(server *s, const doc_method *m, json_t *id, json_t *params)
{
	const char *uri = doc_uri(params);
	if (!uri) {
		reply_error(s, id, ERR_INVALID_PARAMS, "params.textDocument.uri is missing");
		return;
	}
	lsp_doc *d = doc_find(&s->docs, uri);
	if (!d) {
		reply_error(s, id, ERR_INVALID_PARAMS, "that document is not open (didOpen first)");
		return;
	}
	size_t off = 0;
	if (m->need != NEED_DOC) {
		lsp_pos p;
		if (!get_pos(json_object_get(params, "position"), &p)) {
			reply_error(s, id, ERR_INVALID_PARAMS,
				    "params.position needs line and character, integers from 0");
			return;
		}
		off = lsp_text_offset(&d->text, s->enc, p);
	}
	/* An answer about the text as it is: check it now if it changed,
	 * and since that is done, publish what it found too. */
	lazy_doc ld = {s, d};
	lsp_ctx c = {&d->text, s->enc, d->an, d->uri, lazy_analysis, &ld};
	if (m->need != NEED_POS_LAZY)
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
	/* initialized, didSave, $/cancelRequest (every answer is already
	 * given when the next message is read), $/setTrace, configuration:
	 * nothing to do */
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
		why = "";	/* a response: the server sends no requests */
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

/* Check and publish the documents whose wait is over; the seconds until
 * the next one falls due, or -1. */
static double run_due(server *s)
{
	double now = lsp_now(), next = -1;
	for (size_t i = 0; i < s->docs.n && !s->gone; i++) {
		lsp_doc *d = s->docs.v[i];
		if (!d->unpublished)
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
	for (size_t i = 0; i < s.docs.n; i++)
		doc_free(s.docs.v[i]);
	free(s.docs.v);
	lsp_reader_free(&s.in);
	return status;
}
