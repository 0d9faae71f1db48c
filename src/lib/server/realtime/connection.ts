import type { Socket } from 'socket.io';
import { localeCookie, resolveLocale, type Locale } from '$lib/i18n';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { getDb } from '../db';
import { sessionCookieName, validateSessionToken, type SessionUser } from '../auth/session';
import { participantCookie, verifiedParticipantToken } from '../questions/participant';
import { parseRooms, roomsCookie } from '../questions/participation';
import type { VoteContext } from '../questions/votes';

export type SocketData = {
	user: SessionUser | null;
	/** The session the user was read from, and when it ends (the socket acts for it until then). */
	session: { id: string; expiresAt: Date } | null;
	locale: Locale;
	/**
	 * The participant token this server issued to the browser (its cookie), or null: a connection
	 * never makes an identity of its own, so it may watch but not act (questions/participant.ts).
	 */
	participant: string | null;
	/** The meetings whose room code this browser entered (questions/participation.ts). */
	rooms: string[];
	/** The meeting this connection joined. */
	meeting?: { group: string; meeting: number };
	/** That meeting's id and state as last known (votes use it; their statement re-checks). */
	voting?: VoteContext;
};
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/**
 * A browser connecting from a page of another site is refused. Allowed: the configured ORIGIN,
 * or (when none is configured) the origin of the host the client connected to.
 */
export function isAllowedOrigin(
	origin: string | undefined,
	host: string | undefined,
	configured?: string
) {
	if (!origin) return true; // not a browser: it carries no ambient cookie
	if (configured) return origin === configured;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}

function parseCookies(header: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of header.split(';')) {
		const at = part.indexOf('=');
		if (at < 0) continue;
		const name = part.slice(0, at).trim();
		try {
			out[name] ??= decodeURIComponent(part.slice(at + 1).trim());
		} catch {
			// a malformed value is ignored
		}
	}
	return out;
}

/** Reads the session from the same cookie the pages use, and the language. */
export async function identify(socket: LiveSocket) {
	const cookies = parseCookies(socket.handshake.headers.cookie ?? '');
	socket.data.locale = resolveLocale(
		cookies[localeCookie],
		socket.handshake.headers['accept-language'] ?? null
	);
	socket.data.user = null;
	socket.data.session = null;
	socket.data.participant = verifiedParticipantToken(cookies[participantCookie]);
	socket.data.rooms = parseRooms(cookies[roomsCookie]);
	const token = cookies[sessionCookieName];
	if (!token) return;
	const { user, session } = await validateSessionToken(await getDb(), token);
	socket.data.user = user;
	socket.data.session = session && { id: session.id, expiresAt: session.expiresAt };
}

/**
 * A connection whose session's time is over (it may have ended with nobody asking the database
 * since): it must not act for that user any more.
 */
export function sessionLapsed(socket: LiveSocket, now = Date.now()) {
	const session = socket.data.session;
	return !!session && now >= session.expiresAt.getTime();
}
