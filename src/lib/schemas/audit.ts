import * as v from 'valibot';

/** An action, or the start of one (`question` for every `question.*`): letters, `_` and `.`. */
const action = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.trim(),
		v.maxLength(60, 'validation.too_long'),
		v.regex(/^([a-z_]+(\.[a-z_]+)*)?$/, 'validation.invalid'),
		v.transform((s) => s || undefined)
	)
);

/** Reading an audit trail: what to show (`?action=`) and where a page ends (`?before=`, an entry's id). */
export const auditQuerySchema = v.object({
	action,
	before: v.optional(
		v.pipe(
			v.string('validation.invalid'),
			v.regex(/^\d{1,15}$/, 'validation.invalid'),
			v.transform(Number)
		)
	)
});

/** The site administrator's trail also chooses a group (its slug), or `site` for the site's own. */
export const siteAuditQuerySchema = v.object({
	...auditQuerySchema.entries,
	group: v.optional(
		v.pipe(
			v.string('validation.invalid'),
			v.trim(),
			v.regex(/^(site|[a-z][a-z0-9-]{2,39})?$/, 'validation.invalid'),
			v.transform((s) => s || undefined)
		)
	)
});
