import * as v from 'valibot';

/** Longer queries are refused: they are never real searches and only cost the database time. */
export const searchQueryMaxLength = 200;
/** Results per page, and the last page anyone may ask for (rank order has no use past it). */
export const searchPageSize = 20;
export const searchMaxPage = 50;

/**
 * Characters PostgreSQL text cannot hold (NUL) or that mean nothing in a search (other control
 * characters, including the snippet markers): removed before anything else.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const optionalString = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.trim(),
		v.transform((s) => s || undefined)
	)
);

const optionalDate = v.optional(
	v.pipe(
		v.string('validation.date'),
		v.trim(),
		v.transform((s) => s || undefined),
		v.optional(v.pipe(v.string(), v.isoDate('validation.date')))
	)
);

export const searchSchema = v.pipe(
	v.object({
		q: v.optional(
			v.pipe(
				v.string('search.q_required'),
				v.transform((s) => s.replace(controlCharacters, ' ')),
				v.trim(),
				v.nonEmpty('search.q_required'),
				v.maxLength(searchQueryMaxLength, 'search.q_too_long')
			),
			''
		),
		/** A group's slug; empty means every group. */
		group: v.optional(
			v.pipe(optionalString, v.optional(v.pipe(v.string(), v.maxLength(80, 'validation.choice'))))
		),
		/** Meeting dates, inclusive, in each group's own time zone. */
		from: optionalDate,
		to: optionalDate,
		page: v.optional(
			v.pipe(
				v.union([v.number(), v.pipe(v.string(), v.trim())], 'search.page_range'),
				v.transform((p) => (p === '' ? 1 : Number(p))),
				v.integer('search.page_range'),
				v.minValue(1, 'search.page_range'),
				v.maxValue(searchMaxPage, 'search.page_range')
			),
			1
		)
	}),
	v.forward(
		v.check((input) => !input.from || !input.to || input.from <= input.to, 'search.dates_order'),
		['to']
	)
);

export type SearchInput = v.InferOutput<typeof searchSchema>;
