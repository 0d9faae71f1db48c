/**
 * The socket.io event map of namespace `/live`, shared by server and client (types only).
 * Payloads are documented in docs/realtime.md.
 */
import type {
	LiveMeeting,
	LiveMotion,
	LiveQuestion,
	LiveSnapshot,
	LiveSpeakers
} from './live-types';

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
	/** Joins a meeting's room; the snapshot says where broadcasts continue (`seq`). */
	'meeting:join': (
		payload: { group: string; meeting: number },
		ack: AckCallback<{ snapshot: LiveSnapshot }>
	) => void;
	'question:ask': (
		payload: {
			text: string;
			anonymous: boolean;
			name?: string;
			agendaItemId?: string;
			/** The same for every send of one question, so it is asked once. */
			requestId?: string;
		},
		ack: AckCallback<{ question: LiveQuestion }>
	) => void;
	'question:vote': (
		payload: { questionId: string; up: boolean },
		ack: AckCallback<{ questionId: string; voteCount: number; voted: boolean }>
	) => void;
	'question:withdraw': (
		payload: { questionId: string },
		ack: AckCallback<{ question: LiveQuestion }>
	) => void;
	'question:rate': (
		payload: { questionId: string; verdict: 'answered' | 'partly_answered' | 'not_answered' },
		ack: AckCallback<{ question: LiveQuestion }>
	) => void;
	/** Officers: approve, reject, merge, pin, unpin, status, restore, undo_status (docs/realtime.md). */
	'question:moderate': (
		payload: { action: string; questionId?: string; [field: string]: unknown },
		ack: AckCallback<{ seq: number }>
	) => void;
	/** Officers: restores a rejected or merged question (the same as `moderate` with `restore`). */
	'question:restore': (payload: { questionId: string }, ack: AckCallback<{ seq: number }>) => void;
	/**
	 * A member organisation's representative casts or changes its vote on the motion numbered
	 * `motion` (`membershipId` for a representative of several organisations).
	 */
	'motion:vote': (
		payload: { motion: number; vote: 'for' | 'against' | 'abstain'; membershipId?: string },
		ack: AckCallback<{ motion: LiveMotion }>
	) => void;
	/**
	 * Asks to speak on the current agenda item (signed in): `shownAs` how to be named in public,
	 * `membershipId` for a representative of several organisations.
	 */
	'speaker:request': (
		payload: { shownAs?: 'name' | 'organisation' | 'attendee'; membershipId?: string },
		ack: AckCallback<{ speakers: LiveSpeakers; requestId: string }>
	) => void;
	/** Withdraws one's own waiting request. */
	'speaker:withdraw': (
		payload: { requestId: string },
		ack: AckCallback<{ speakers: LiveSpeakers }>
	) => void;
	/** The chair: gives the floor to a waiting request (ending any current turn). */
	'speaker:floor': (
		payload: { requestId: string },
		ack: AckCallback<{ speakers: LiveSpeakers }>
	) => void;
	/** The chair: ends the current turn (the named one's, if `requestId`). */
	'speaker:end': (
		payload: { requestId?: string },
		ack: AckCallback<{ speakers: LiveSpeakers }>
	) => void;
	/** The chair: moves a waiting request to `position` (1: next) in its item's list. */
	'speaker:move': (
		payload: { requestId: string; position: number },
		ack: AckCallback<{ speakers: LiveSpeakers }>
	) => void;
	/** The chair: sets the seconds a waiting or current turn allows. */
	'speaker:time': (
		payload: { requestId: string; seconds: number },
		ack: AckCallback<{ speakers: LiveSpeakers }>
	) => void;
	/** The chair: sets the agenda item under discussion (null: none). */
	'agenda:current': (
		payload: { agendaItemId: string | null },
		ack: AckCallback<{ speakers: LiveSpeakers }>
	) => void;
}

export interface ServerToClientEvents {
	'question:changed': (payload: { seq: number; question: LiveQuestion }) => void;
	/** A restored question awaits approval again: it leaves the public's view. */
	'question:retracted': (payload: { seq: number; questionId: string }) => void;
	tally: (payload: { seq: number; counts: Record<string, number>; countedAt: number }) => void;
	'meeting:changed': (payload: { seq: number; meeting: LiveMeeting }) => void;
	/** A motion of the meeting changed (its state, its running totals, its result). */
	'motion:changed': (payload: { motion: LiveMotion }) => void;
	/** The speakers' list or the current agenda item changed: the whole of it, numbered. */
	'speakers:changed': (payload: { seq: number; speakers: LiveSpeakers }) => void;
}

export const liveNamespace = '/live';
