import * as v from 'valibot';

/** The site administrator retries one given-up delivery (the admin page's `?/retryMail`). */
export const retryMailSchema = v.object({
	id: v.pipe(v.string('validation.required'), v.uuid('validation.invalid'))
});
