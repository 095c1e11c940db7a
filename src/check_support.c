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

static const ast_node *target_of(const ast_doc *d, const ast_idref *r)
{
	if (r->target)
		return r->target;
	return ast_idtab_get(&d->ids, r->id.p, r->id.len);
}

static bool is_block(const ast_node *n, ast_block_kind k)
{
	return n && n->type == AST_BLOCK && n->u.block->kind == k;
}

/*
 * A block whose ID was already taken (duplicate-id), is malformed
 * (bad-value) or is missing (a syntax error) cannot be named, so the
 * chain checks leave it alone: one problem, one diagnostic.
 */
static bool is_unnamed(const ast_doc *d, const ast_node *n)
{
	const str *id = ast_node_id(n);
	return !id || !ast_id_valid(id->p, id->len) ||
	       ast_idtab_get(&d->ids, id->p, id->len) != n;
}

/* What another diagnostic explains already (check_excused), into set:
 * d->excused, or d->meant. */
static void excused_set(ast_doc *d, check_ptrset *set, bool meant)
{
	check_excused(d);
	const ast_vec *v = meant ? &d->meant : &d->excused;
	for (size_t i = 0; i < v->n; i++)
		check_ptrset_add(set, v->v[i]);
}

static bool refs_evidence(const ast_doc *d, const ast_node *ref)
{
	for (size_t i = 0; i < ref->u.ref->ids.n; i++)
		if (is_block(target_of(d, &ref->u.ref->ids.v[i]), BK_EVIDENCE))
			return true;
	return false;
}

/* A reference to evidence anywhere in the subtree of top. */
static bool subtree_cites(const ast_doc *d, const ast_node *top)
{
	for (const ast_node *n = top->first; n; n = check_next(n, top, true))
		if (n->type == AST_REF && refs_evidence(d, n))
			return true;
	return false;
}

static bool finding_supported(const ast_doc *d, const ast_node *f)
{
	const ast_idlist *ev = &f->u.block->evidence;

	for (size_t i = 0; i < ev->n; i++)
		if (is_block(target_of(d, &ev->v[i]), BK_EVIDENCE))
			return true;
	for (const ast_field *fl = f->u.block->fields; fl; fl = fl->next)
		if (fl->inl && subtree_cites(d, fl->inl))
			return true;
	return subtree_cites(d, f);
}

static void supported_findings(const ast_doc *d, check_ptrset *set)
{
	for (size_t i = 0; i < d->findings.n; i++)
		if (finding_supported(d, d->findings.v[i]))
			check_ptrset_add(set, d->findings.v[i]);
}

void check_unsupported_finding(ast_doc *d)
{
	check_ptrset ok = {0};

	supported_findings(d, &ok);
	excused_set(d, &ok, false);
	for (size_t i = 0; i < d->findings.n; i++) {
		const ast_node *f = d->findings.v[i];
		if (check_ptrset_has(&ok, f) || is_unnamed(d, f))
			continue;
		size_t k = diag_report(&d->diags, DC_UNSUPPORTED_FINDING,
				       check_id_span(f),
				       "%s cites no evidence",
				       check_block_title(d, f));
		diag_add_help(&d->diags, k,
			      "list its sources in 'evidence:' or cite one "
			      "with [@id]");
	}
	check_ptrset_free(&ok);
}

void check_unsupported_recommendation(ast_doc *d)
{
	check_ptrset ok = {0};

	supported_findings(d, &ok);
	excused_set(d, &ok, false);	/* excused findings count as supported */
	for (size_t i = 0; i < d->recommendations.n; i++) {
		const ast_node *r = d->recommendations.v[i];
		const ast_idlist *ad = &r->u.block->addresses;
		size_t nfind = 0, nok = 0;

		if (check_ptrset_has(&ok, r))
			continue;

		for (size_t j = 0; j < ad->n; j++) {
			const ast_node *t = target_of(d, &ad->v[j]);
			if (!is_block(t, BK_FINDING))
				continue;
			nfind++;
			nok += check_ptrset_has(&ok, t);
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
		check_ptrset noted = {0};
		for (size_t j = 0; j < ad->n; j++) {
			const ast_node *t = target_of(d, &ad->v[j]);
			if (is_block(t, BK_FINDING) &&
			    check_ptrset_add(&noted, t))
				diag_add_note(&d->diags, k, check_id_span(t),
					      "%s cites no evidence",
					      check_block_title(d, t));
		}
		check_ptrset_free(&noted);
	}
	check_ptrset_free(&ok);
}

void check_unaddressed_finding(ast_doc *d)
{
	check_ptrset addressed = {0};

	excused_set(d, &addressed, true);

	for (size_t i = 0; i < d->recommendations.n; i++) {
		const ast_idlist *ad = &d->recommendations.v[i]->u.block->addresses;
		for (size_t j = 0; j < ad->n; j++) {
			const ast_node *t = target_of(d, &ad->v[j]);
			if (is_block(t, BK_FINDING))
				check_ptrset_add(&addressed, t);
		}
	}
	for (size_t i = 0; i < d->findings.n; i++) {
		const ast_node *f = d->findings.v[i];
		if (check_ptrset_has(&addressed, f) || is_unnamed(d, f))
			continue;
		size_t k = diag_report(&d->diags, DC_UNADDRESSED_FINDING,
				       check_id_span(f),
				       "no recommendation addresses %s",
				       check_block_title(d, f));
		diag_add_help(&d->diags, k,
			      "name it in the 'addresses:' of a recommendation");
	}
	check_ptrset_free(&addressed);
}

void check_unused_evidence(ast_doc *d)
{
	check_ptrset cited = {0};

	excused_set(d, &cited, true);

	/* findings' evidence:, tables' and figures' source: */
	for (size_t i = 0; i < d->blocks.n; i++) {
		const ast_idlist *ev = &d->blocks.v[i]->u.block->evidence;
		for (size_t j = 0; j < ev->n; j++)
			check_ptrset_add(&cited, target_of(d, &ev->v[j]));
	}
	for (size_t i = 0; i < d->refs.n; i++) {
		const ast_idlist *ids = &d->refs.v[i]->u.ref->ids;
		for (size_t j = 0; j < ids->n; j++)
			check_ptrset_add(&cited, target_of(d, &ids->v[j]));
	}
	for (size_t i = 0; i < d->evidence.n; i++) {
		const ast_node *e = d->evidence.v[i];
		if (check_ptrset_has(&cited, e) || is_unnamed(d, e))
			continue;
		size_t k = diag_report(&d->diags, DC_UNUSED_EVIDENCE,
				       check_id_span(e),
				       "%s is cited nowhere",
				       check_block_title(d, e));
		diag_add_help(&d->diags, k,
			      "cite it with [@%s] or list it in a finding's "
			      "'evidence:', or remove it",
			      e->u.block->id.len ? CHECK_Q(d, e->u.block->id)
						 : "id");
	}
	check_ptrset_free(&cited);
}
