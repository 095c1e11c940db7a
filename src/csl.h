/*
 * csl.h - CSL-JSON reference libraries (contract 12): the array of items
 * that Zotero exports and `pandoc -t csljson` writes, read with jansson
 * and written out as the Brief `::: evidence` blocks they stand for, so
 * that the parser, the checks and the backends treat them as they treat
 * the evidence of a `.brief` library.
 *
 * The mapping (docs/language.md, "Libraries"):
 *
 *   id                      the block's ID (a number is written in decimal)
 *   title                   title (its markup characters escaped: a title
 *                           is inline text, and a CSL title is not markup)
 *   URL, else DOI           url (a DOI as https://doi.org/DOI)
 *   publisher, else
 *   container-title         publisher
 *   author                  authors: "Given Family" or the literal name,
 *                           separated by "; "
 *   issued                  date: YYYY, YYYY-MM or YYYY-MM-DD from
 *                           date-parts, else its raw or literal text
 *   accessed                accessed, as issued
 *   type                    type: report; legislation, bill, regulation,
 *                           legal_case -> law; treaty; speech, interview,
 *                           personal_communication -> statement; dataset;
 *                           article*, paper-conference, chapter, review ->
 *                           article; anything else -> other
 *
 * Other keys are ignored.  Line breaks and control characters in values
 * become spaces.  jansson gives no positions for values, so each block is
 * located at its item: the first occurrence of the item's id string after
 * the previous item's.
 */
#ifndef BRIEFC_CSL_H
#define BRIEFC_CSL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Where the block of one item starts in the Brief text, and where the
 * item is in the JSON. */
typedef struct csl_at {
	uint32_t brief, json;
} csl_at;

/* An item that made no block, or a JSON error: what, and where in the
 * JSON (byte offset). */
typedef enum csl_fault {
	CSL_NOT_CSL,		/* not JSON, or not an array */
	CSL_NO_ID,		/* an item without an id */
	CSL_BAD_ITEM		/* not an object, or an id that is no ID */
} csl_fault;

typedef struct csl_problem {
	csl_fault fault;
	uint32_t json;
	char *msg;		/* heap */
} csl_problem;

typedef struct csl_result {
	buf brief;		/* the evidence blocks */
	csl_at *at;		/* one per block, in order */
	size_t nat, capat;
	csl_problem *problems;
	size_t nproblems, capproblems;
	bool failed;		/* not a JSON array: problems says why */
} csl_result;

/* Read a CSL-JSON document (json need not be NUL-terminated). */
void csl_read(const char *json, size_t len, csl_result *r);
void csl_result_free(csl_result *r);

#endif
