import type { LiveMeeting, LiveMotion, LiveQuestion, LiveSpeakers } from '$lib/realtime/live-types';

/**
 * What the domain tells the rest of the server has happened, after its transaction committed.
 * The domain never knows who listens: `realtime/` subscribes and decides whom to tell (which
 * rooms, how often). Listeners run synchronously, in the order they subscribed.
 */
export type DomainEvents = {
	/** A question's live view changed (asked, moderated, withdrawn, rated, its votes counted). */
	'question:changed': {
		meetingId: string;
		seq: number;
		question: LiveQuestion;
		/** The public saw it (rejected or merged); now restored, it awaits approval again. */
		retracted?: boolean;
	};
	/** A meeting's live view changed (its state, its settings, the pinned question). */
	'meeting:changed': { meetingId: string; seq: number; meeting: LiveMeeting };
	/** A motion changed: proposed, seconded, scheduled or declined, its vote opened, cast or closed. */
	'motion:changed': { meetingId: string; motion: LiveMotion };
	/** The speakers' list or the current agenda item changed. */
	'speakers:changed': { meetingId: string; seq: number; speakers: LiveSpeakers };
	/** A vote was written or taken back: the question's count changed. */
	'vote:counted': { meetingId: string; questionId: string };
	/**
	 * An officer's appointment ended: what their open connections receive must change too. `here`:
	 * only this instance's connections (every instance noticed the term's end for itself).
	 */
	'officer:ended': { userId: string; here?: boolean };
	/** A session ended (signed out, or its lifetime over): connections made with it must close. */
	'session:ended': { sessionId: string };
	/** Every session of an account ended (its password changed): all its connections close. */
	'account:signed_out': { userId: string };
	/** Mail was committed to the outbox: this instance's sender wakes (mail/sender.ts). */
	'mail:queued': Record<string, never>;
	/** Notices were committed: this instance's notifier wakes (notifications/notifier.ts). */
	'notices:queued': Record<string, never>;
};

type Listener<E extends keyof DomainEvents> = (event: DomainEvents[E]) => void;

const listeners = new Map<keyof DomainEvents, Set<Listener<never>>>();

/** Announces what happened to whoever subscribed (no one, in a script or a domain test). */
export function emit<E extends keyof DomainEvents>(name: E, event: DomainEvents[E]) {
	for (const listener of listeners.get(name) ?? []) (listener as Listener<E>)(event);
}

/** Subscribes to one kind of event; returns the function that unsubscribes. */
export function on<E extends keyof DomainEvents>(name: E, listener: Listener<E>): () => void {
	const set = listeners.get(name) ?? new Set();
	listeners.set(name, set);
	set.add(listener as Listener<never>);
	return () => void set.delete(listener as Listener<never>);
}
