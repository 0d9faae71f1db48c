import type { Locale, Translate } from '$lib/i18n';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: { id: string; expiresAt: Date } | null;
			locale: Locale;
			/** Translates into the request's language (for messages made on the server). */
			t: Translate;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

export {};
