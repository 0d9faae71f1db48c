import * as v from 'valibot';

/**
 * Field building blocks. Messages are i18n keys (see $lib/i18n); the transports translate them.
 * The same schemas validate form posts, JSON bodies and socket payloads.
 */

/**
 * PostgreSQL text cannot hold a NUL character: one in any text is the sender's mistake, refused
 * with a field message, never an internal error (found by the fuzz).
 */
export const storable = v.check((s: string) => !s.includes('\u0000'), 'validation.nul');

/** Required text, trimmed, with a maximum length. */
export const text = (max: number, min = 1) =>
	v.pipe(
		v.string('validation.required'),
		storable,
		v.trim(),
		v.nonEmpty('validation.required'),
		v.minLength(min, 'validation.too_short'),
		v.maxLength(max, 'validation.too_long')
	);

/** Optional text: empty becomes undefined. */
export const optionalText = (max: number) =>
	v.optional(
		v.pipe(
			v.string('validation.invalid'),
			storable,
			v.trim(),
			v.maxLength(max, 'validation.too_long'),
			v.transform((s) => s || undefined)
		)
	);

export const email = v.pipe(
	v.string('validation.required'),
	v.trim(),
	v.nonEmpty('validation.required'),
	v.maxLength(254, 'validation.too_long'),
	v.email('validation.email'),
	v.toLowerCase()
);

/** A checkbox in a form ("on", or absent) or a JSON boolean. */
export const flag = v.pipe(
	v.optional(
		v.union([v.boolean(), v.picklist(['on', 'true', 'false'])], 'validation.boolean'),
		false
	),
	v.transform((value) => value === true || value === 'on' || value === 'true')
);

export const timeZone = v.pipe(
	v.string('validation.required'),
	v.trim(),
	v.check((zone) => {
		try {
			new Intl.DateTimeFormat('en', { timeZone: zone });
			return zone.includes('/') || zone === 'UTC';
		} catch {
			return false;
		}
	}, 'validation.time_zone')
);
