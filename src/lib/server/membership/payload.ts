import type { Application } from '../db/schema';

/**
 * What a log entry says about an application: public fields only (never the contact), enough
 * for anyone reading an export to know which application was decided, how and why.
 */
export function decisionPayload(
	app: Application,
	category: string,
	extra: Record<string, unknown> = {}
): Record<string, unknown> {
	return {
		application: app.id,
		organisation: app.organisationName,
		category,
		role: 'chair',
		...extra
	};
}
