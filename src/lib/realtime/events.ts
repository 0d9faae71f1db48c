/**
 * The socket.io event map of namespace `/live`, shared by server and client (types only).
 * Payloads are documented in docs/realtime.md.
 */
export type AckError = { code: string; message: string; fields?: Record<string, string> };
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: AckError };
export type AckCallback<T = object> = (response: Ack<T>) => void;

export type PublicUser = { displayName: string; isSiteAdmin: boolean };

export interface ClientToServerEvents {
	/** Who the connection is signed in as (null for an attendee without an account). */
	'session:whoami': (
		payload: Record<string, never>,
		ack: AckCallback<{ user: PublicUser | null }>
	) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServerToClientEvents {}

export const liveNamespace = '/live';
