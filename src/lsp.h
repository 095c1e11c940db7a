/*
 * lsp.h - `briefc lsp`: the language server (LSP 3.17, JSON-RPC over a
 * pair of file descriptors).  docs/lsp.md says what it offers.
 */
#ifndef BRIEFC_LSP_H
#define BRIEFC_LSP_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The largest message read: a 64 MiB brief (SOURCE_MAX_BYTES) in a JSON
 * string, with room for its escapes.  A longer one is answered with an
 * error and skipped unread.
 */
#define LSP_MAX_MESSAGE ((size_t)128 << 20)

/* Diagnostics wait this long after a change for the next one (seconds),
 * but no longer than LSP_MAX_WAIT after the first change not yet checked:
 * a burst of changes makes a few checks, not one each. */
#define LSP_DEBOUNCE 0.05
#define LSP_MAX_WAIT 0.2

/*
 * Serve one client on in and out until it says exit or goes away.
 * Returns the exit status: 0 after shutdown and exit, 1 otherwise.
 */
int lsp_serve(int in, int out);

/* The files a brief reads that the editor does not have open are looked
 * at this often (seconds) for a change on the disk, whether the client
 * watches files for the server or not (it watches only its workspace). */
#define LSP_POLL 1.0

#endif
