/*
 * check_support.c - the chain a brief's argument rests on: every
 * recommendation addresses findings, every finding cites evidence, every
 * piece of evidence is cited, every finding leads to a recommendation.
 *
 * A finding is supported when its `evidence:` list or a reference inside
 * it ([@id] in its fields or its body) names evidence.
 */
#include "check.h"
#include "check_util.h"

/* What another diagnostic explains already (check_excused), into set:
 * d->excused, or d->meant. */
static void excused_set(ast_doc *d, ptrset *set, bool meant)
{
	check_excused(d);
	const ast_vec *v = meant ? &d->meant : &d->excused;
	for (size_t i = 0; i < v->n; i++)
		ptrset_add(set, v->v[i]);
}

static bool refs_evidence(const ast_doc *d, const ast_node *ref)
{
	for (size_t i = 0; i < ref->u.ref->ids.n; i++)
		if (ast_is_block(ast_idref_target(d, &ref->u.ref->ids.v[i]), BK_EVIDENCE))
			return true;
	return false;
}

/* A reference to evidence anywhere in the subtree of top. */
static bool subtree_cites(const ast_doc *d, const ast_node *top)
{
	for (const ast_node *n = top->first; n; n = ast_next(n, top, true))
		if (n->type == AST_REF && refs_evidence(d, n))
			return true;
	return false;
}

static bool finding_supported(const ast_doc *d, const ast_node *f)
{
	const ast_idlist *ev = &f->u.block->evidence;

	for (size_t i = 0; i < ev->n; i++)
		if (ast_is_block(ast_idref_target(d, &ev->v[i]), BK_EVIDENCE))
			return true;
	for (const ast_field *fl = f->u.block->fields; fl; fl = fl->next)
		if (fl->inl && subtree_cites(d, fl->inl))
			return true;
	return subtree_cites(d, f);
}

static void supported_findings(const ast_doc *d, ptrset *set)
{
	for (size_t i = 0; i < d->findings.n; i++)
		if (finding_supported(d, d->findings.v[i]))
			ptrset_add(set, d->findings.v[i]);
}

/* The targets of the IDs of l into set: those of kind k, or (BK__COUNT)
 * all. */
static void add_targets(const ast_doc *d, ptrset *set, const ast_idlist *l,
			ast_block_kind k)
{
	for (size_t j = 0; j < l->n; j++) {
		const ast_node *t = ast_idref_target(d, &l->v[j]);
		if (k == BK__COUNT || ast_is_block(t, k))
			ptrset_add(set, t);
	}
}

/*
 * Each block of v that is not in set and can be named: "BEFORE title
 * AFTER" as code, with the help "HELP1 ID HELP2" (ID the block's, when
 * help2 is not NULL).
 */
static void report_missing(ast_doc *d, const ast_vec *v, const ptrset *set,
			   diag_code code, const char *before, const char *after,
			   const char *help1, const char *help2)
{
	for (size_t i = 0; i < v->n; i++) {
		const ast_node *b = v->v[i];
		if (ptrset_has(set, b) || !check_nameable(d, b))
			continue;
		size_t k = diag_report(&d->diags, code, check_id_span(b), "%s%s%s",
				       before, check_block_title(d, b), after);
		const str *id = &b->u.block->id;
		diag_add_help(&d->diags, k, "%s%s%s", help1,
			      !help2 ? "" : id->len ? CHECK_Q(d, *id) : "id",
			      help2 ? help2 : "");
	}
}

void check_unsupported_finding(ast_doc *d)
{
	ptrset ok = {0};

	supported_findings(d, &ok);
	excused_set(d, &ok, false);
	report_missing(d, &d->findings, &ok, DC_UNSUPPORTED_FINDING, "",
		       " cites no evidence",
		       "list its sources in 'evidence:' or cite one with [@id]", NULL);
	ptrset_free(&ok);
}

void check_unsupported_recommendation(ast_doc *d)
{
	ptrset ok = {0};

	supported_findings(d, &ok);
	excused_set(d, &ok, false);	/* excused findings count as supported */
	for (size_t i = 0; i < d->recommendations.n; i++) {
		const ast_node *r = d->recommendations.v[i];
		const ast_idlist *ad = &r->u.block->addresses;
		size_t nfind = 0, nok = 0;

		if (ptrset_has(&ok, r))
			continue;

		for (size_t j = 0; j < ad->n; j++) {
			const ast_node *t = ast_idref_target(d, &ad->v[j]);
			if (!ast_is_block(t, BK_FINDING))
				continue;
			nfind++;
			nok += ptrset_has(&ok, t);
		}
		if (nfind == 0 || nok > 0)
			continue;
		size_t k = diag_report(
			&d->diags, DC_UNSUPPORTED_RECOMMENDATION,
			check_id_span(r),
			nfind == 1 ? "%s rests on a finding that cites no "
				     "evidence"
				   : "%s rests only on findings that cite no "
				     "evidence",
			check_block_title(d, r));
		/* one note per finding, even if addresses: repeats it */
		ptrset noted = {0};
		for (size_t j = 0; j < ad->n; j++) {
			const ast_node *t = ast_idref_target(d, &ad->v[j]);
			if (ast_is_block(t, BK_FINDING) &&
			    ptrset_add(&noted, t))
				diag_add_note(&d->diags, k, check_id_span(t),
					      "%s cites no evidence",
					      check_block_title(d, t));
		}
		ptrset_free(&noted);
	}
	ptrset_free(&ok);
}

void check_unaddressed_finding(ast_doc *d)
{
	ptrset addressed = {0};

	excused_set(d, &addressed, true);
	for (size_t i = 0; i < d->recommendations.n; i++)
		add_targets(d, &addressed, &d->recommendations.v[i]->u.block->addresses,
			    BK_FINDING);
	report_missing(d, &d->findings, &addressed, DC_UNADDRESSED_FINDING,
		       "no recommendation addresses ", "",
		       "name it in the 'addresses:' of a recommendation", NULL);
	ptrset_free(&addressed);
}

void check_unused_evidence(ast_doc *d)
{
	ptrset cited = {0};

	excused_set(d, &cited, true);
	/* findings' evidence:, tables' and figures' source: */
	for (size_t i = 0; i < d->blocks.n; i++)
		add_targets(d, &cited, &d->blocks.v[i]->u.block->evidence, BK__COUNT);
	for (size_t i = 0; i < d->refs.n; i++)
		add_targets(d, &cited, &d->refs.v[i]->u.ref->ids, BK__COUNT);
	report_missing(d, &d->evidence, &cited, DC_UNUSED_EVIDENCE, "",
		       " is cited nowhere", "cite it with [@",
		       "] or list it in a finding's 'evidence:', or remove it");
	ptrset_free(&cited);
}
