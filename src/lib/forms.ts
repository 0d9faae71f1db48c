/** What a form action returns when it fails (see runFormAction): translated messages and the values typed. */
export type FormFailure = {
	/** Which named action failed (`?/password` → "password"), for pages with several forms. */
	action: string;
	error: string;
	fields: Record<string, string>;
	values: Record<string, string>;
};

/** A submitted form as a field reads it: what was typed, and the message for each field in error. */
export type SubmittedForm = Pick<FormFailure, 'values' | 'fields'>;

/** The page's `form` as a failure of `action` (any action when omitted), or undefined. */
export function failureOf(form: unknown, action?: string): FormFailure | undefined {
	if (!form || typeof form !== 'object' || !('error' in form) || !('fields' in form))
		return undefined;
	const failure = form as FormFailure;
	return action === undefined || failure.action === action ? failure : undefined;
}
