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
	interface Window {
		/** The live page's connection, opened by its head (early-socket-head.js) until taken over. */
		__openfloorEarlySocket?: {
			ws: WebSocket;
			received: unknown[];
			keep: (event: MessageEvent) => void;
		};
	}
}

export {};
