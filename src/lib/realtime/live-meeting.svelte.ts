import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from './events';
import { liveNamespace } from './events';
import { browserTransports } from './early-transport';
import type {
	LiveMotion,
	LiveQuestion,
	LiveSnapshot,
	LiveSpeakers,
	MotionChoice
} from './live-types';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type TimedSocket = ReturnType<LiveSocket['timeout']>;
/** What a request sends, as the event map declares it. */
type PayloadOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
/** What a broadcast carries, as the event map declares it. */
type EventOf<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];
/** The speakers' list's requests. */
export type SpeakerEvent =
	| 'speaker:request'
	| 'speaker:withdraw'
	| 'speaker:floor'
	| 'speaker:end'
	| 'speaker:move'
	| 'speaker:time'
	| 'agenda:current';
/** A participant's verdict on an answer. */
export type Verdict = PayloadOf<'question:rate'>['verdict'];

/** One batch of announcements for the page's polite live region. */
export type LiveNews = {
	id: number;
	newQuestions: number;
	answered: { text: string; status: LiveQuestion['answerStatus'] }[];
	pinned?: string;
};

/**
 * websockets first (cheapest for a full hall); where a venue's network or a proxy blocks them,
 * long-polling over plain HTTP requests. Reconnection tries after 0.5 s, doubling to at most
 * 2.5 s, each ±50 %: a restarted server has the hall back within seconds (R1 in
 * docs/reliability.md: socket.io's default of up to 5 s left some a quarter of a minute away),
 * and spread out, not all at once.
 */
export const liveSocketOptions = {
	transports: ['websocket', 'polling'],
	tryAllTransports: true,
	reconnectionDelay: 500,
	reconnectionDelayMax: 2500,
	randomizationFactor: 0.5
} satisfies Partial<ManagerOptions & SocketOptions>;

/** The least time between two announcements. */
const quietMs = 8_000;

/**
 * A live meeting in the browser: starts from the server-rendered snapshot, then follows the
 * broadcasts. Every broadcast carries the meeting's `seq`; a gap (a missed event after a
 * reconnect, a restart, a lost packet) makes it fetch a fresh snapshot instead of guessing.
 */
export class LiveMeetingState {
	snapshot: LiveSnapshot = $state() as LiveSnapshot;
	/** The meeting's motions as the public reads them (not numbered changes: each replaces its own). */
	motions: LiveMotion[] = $state([]);
	connected = $state(false);
	/**
	 * What a screen reader should hear, gathered and released at most once per `quietMs` so a busy
	 * hall does not talk over the speaker: new questions (counted), answers recorded, the question
	 * pinned. Vote tallies are never announced.
	 */
	news: LiveNews | undefined = $state();
	#pending: Omit<LiveNews, 'id'> = { newQuestions: 0, answered: [] };
	#released = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#socket: LiveSocket | undefined;
	#joining = false;
	/** Whether this page joined before: a reconnect reads the motions again, the first join does not. */
	#joinedBefore = false;

	constructor(snapshot: LiveSnapshot, motions: LiveMotion[] = []) {
		this.snapshot = snapshot;
		this.motions = motions;
	}

	get questions() {
		return this.snapshot.questions;
	}

	/**
	 * Follows the meeting over a socket of the page's origin (the fault suites pass a socket of
	 * their own, to run this same logic from Node against an app they start and stop).
	 */
	connect(
		open: () => LiveSocket = () =>
			io(liveNamespace, { ...liveSocketOptions, transports: browserTransports })
	) {
		const socket = open();
		this.#socket = socket;
		socket.on('connect', () => {
			// The first join: the page's motions are as fresh as its snapshot. Later ones re-read.
			void this.resync(this.#joinedBefore);
			this.#joinedBefore = true;
		});
		socket.on('disconnect', () => (this.connected = false));
		socket.on('question:changed', (event) => this.questionChanged(event));
		socket.on('question:retracted', (event) => this.questionRetracted(event));
		socket.on('tally', (event) => this.tally(event));
		socket.on('meeting:changed', (event) => this.meetingChanged(event));
		socket.on('motion:changed', ({ motion }) => this.motionChanged(motion));
		socket.on('speakers:changed', (event) => this.speakersChanged(event));
		return () => {
			clearTimeout(this.#timer);
			socket.disconnect();
		};
	}

	/**
	 * Takes a snapshot (the page's data after a form post or a navigation, or a resync's reply)
	 * unless this state is already further on: a reply that left the server before the latest
	 * broadcast must not undo it.
	 */
	adopt(snapshot: LiveSnapshot) {
		if (snapshot.seq < this.snapshot.seq) return;
		// A count this page holds that is newer than the snapshot's (a tally read after it) stays.
		for (const q of snapshot.questions) {
			const held = this.snapshot.questions.find((h) => h.id === q.id);
			if (held) keepNewerCount(q, held);
		}
		this.snapshot = snapshot;
	}

	/*
	 * The broadcasts. Each carries the `seq` of the change it reports (one change can send several:
	 * a merge changes two questions, a pin the meeting too; a rating sends the current `seq`). One
	 * older than this state's is already in it (a snapshot read after it) and is ignored; one beyond
	 * the next means something was missed, so a fresh snapshot is fetched instead.
	 */

	questionChanged({ seq, question }: EventOf<'question:changed'>) {
		if (!this.#inOrder(seq)) return;
		this.#noteChange(question);
		this.#upsert(question);
		this.snapshot.seq = Math.max(this.snapshot.seq, seq);
	}

	questionRetracted({ seq, questionId }: EventOf<'question:retracted'>) {
		if (!this.#inOrder(seq)) return;
		this.#retract(questionId);
		this.snapshot.seq = Math.max(this.snapshot.seq, seq);
	}

	/** Vote counts (votes are not numbered changes), read after the change numbered `seq`. */
	tally({ seq, counts, countedAt }: EventOf<'tally'>) {
		if (seq > this.snapshot.seq) return void this.resync();
		for (const q of this.snapshot.questions) {
			if (q.id in counts && countedAt >= q.countedAt) {
				q.votes = counts[q.id];
				q.countedAt = countedAt;
			}
		}
	}

	meetingChanged({ seq, meeting }: EventOf<'meeting:changed'>) {
		if (!this.#inOrder(seq)) return;
		if (
			meeting.pinnedQuestionId &&
			meeting.pinnedQuestionId !== this.snapshot.meeting.pinnedQuestionId
		) {
			const pinned = this.snapshot.questions.find((q) => q.id === meeting.pinnedQuestionId);
			if (pinned) this.#announce({ pinned: pinned.text ?? '' });
		}
		const ruleChanged = meeting.participation !== this.snapshot.meeting.participation;
		this.snapshot.meeting = meeting;
		this.snapshot.seq = Math.max(this.snapshot.seq, seq);
		// What this viewer may now do (and, for officers, the room code) comes with a snapshot.
		if (ruleChanged || this.snapshot.viewer.canModerate) void this.resync();
	}

	/** The speakers' list as it now is (numbered like the questions' changes). */
	speakersChanged({ seq, speakers }: EventOf<'speakers:changed'>) {
		if (!this.#inOrder(seq)) return;
		this.snapshot.speakers = speakers;
		this.snapshot.seq = Math.max(this.snapshot.seq, seq);
	}

	motionChanged(motion: LiveMotion) {
		const at = this.motions.findIndex((m) => m.id === motion.id);
		if (at >= 0) this.motions[at] = motion;
		else this.motions.push(motion);
	}

	/**
	 * The motions as they are now, after a reconnect (changes made meanwhile were not heard): from
	 * the public API, which any cache answers. A failure keeps what the page has.
	 */
	async #refreshMotions() {
		const { group, number } = this.snapshot.meeting;
		try {
			const response = await fetch(`/api/v1/groups/${group}/meetings/${number}/motions`);
			if (response.ok) this.motions = ((await response.json()) as { items: LiveMotion[] }).items;
		} catch {
			// offline again: the next reconnect tries again
		}
	}

	/** Whether a change numbered `seq` is this state's latest or the next; resyncs on a gap. */
	#inOrder(seq: number) {
		if (seq < this.snapshot.seq) return false;
		if (seq > this.snapshot.seq + 1) {
			void this.resync();
			return false;
		}
		return true;
	}

	/** A published question that is new, or whose answer the chair has just recorded. */
	#noteChange(question: LiveQuestion) {
		if (question.state !== 'published') return;
		const before = this.snapshot.questions.find((q) => q.id === question.id);
		if (!before || before.state !== 'published') this.#announce({ newQuestions: 1 });
		else if (question.answerStatus !== before.answerStatus && question.answerStatus !== 'open') {
			this.#announce({ answered: [{ text: question.text ?? '', status: question.answerStatus }] });
		}
	}

	#announce(item: Partial<Omit<LiveNews, 'id'>>) {
		const pending = this.#pending;
		pending.newQuestions += item.newQuestions ?? 0;
		pending.answered.push(...(item.answered ?? []));
		if (item.pinned) pending.pinned = item.pinned;
		if (this.#timer) return;
		const wait = Math.max(0, this.#released + quietMs - Date.now());
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#released = Date.now();
			this.news = { id: (this.news?.id ?? 0) + 1, ...this.#pending };
			this.#pending = { newQuestions: 0, answered: [] };
		}, wait);
	}

	/** Joins again for a fresh snapshot; `motionsToo` after a reconnect (motions are not numbered). */
	async resync(motionsToo = false) {
		if (!this.#socket || this.#joining) return;
		this.#joining = true;
		try {
			const { group, number } = this.snapshot.meeting;
			const reply = await this.#socket
				.timeout(10_000)
				.emitWithAck('meeting:join', { group, meeting: number });
			if (reply.ok) {
				this.adopt(reply.snapshot);
				this.connected = true;
				if (motionsToo) void this.#refreshMotions();
			}
		} catch {
			this.connected = false;
		} finally {
			this.#joining = false;
		}
	}

	/**
	 * A restored question awaits approval again: it leaves this page, unless it is this viewer's
	 * own (then it shows as awaiting approval, as their own pending questions do).
	 */
	#retract(questionId: string) {
		const at = this.snapshot.questions.findIndex((q) => q.id === questionId);
		if (at < 0) return;
		if (!this.snapshot.viewer.mine.includes(questionId)) {
			this.snapshot.questions.splice(at, 1);
			return;
		}
		Object.assign(this.snapshot.questions[at], {
			state: 'pending',
			rejectionReason: null,
			rejectionNote: null,
			mergedIntoId: null
		} satisfies Partial<LiveQuestion>);
	}

	#upsert(question: LiveQuestion) {
		const at = this.snapshot.questions.findIndex((q) => q.id === question.id);
		// A text withheld from the public (rejected as abusive or personal data) stays on its asker's page.
		const own =
			at >= 0 && question.text === null && this.snapshot.viewer.mine.includes(question.id);
		if (own) question = { ...question, text: this.snapshot.questions[at].text };
		if (at >= 0) keepNewerCount(question, this.snapshot.questions[at]);
		if (at >= 0) this.snapshot.questions[at] = question;
		else this.snapshot.questions.push(question);
	}

	/*
	 * The participant's requests. Each resolves to the server's typed acknowledgement, having
	 * applied what an accepted one changes for this viewer; undefined means the connection is down
	 * (the page posts its form instead).
	 */

	async ask(question: PayloadOf<'question:ask'>) {
		const reply = await this.#request((s) => s.emitWithAck('question:ask', question));
		if (reply?.ok) {
			// Shown at once, awaiting approval too: only this connection learns it is theirs.
			this.#markMine(reply.question.id);
			if (!this.snapshot.questions.some((q) => q.id === reply.question.id)) {
				this.#upsert(reply.question);
			}
		}
		return reply;
	}

	async vote(questionId: string, up: boolean) {
		const reply = await this.#request((s) => s.emitWithAck('question:vote', { questionId, up }));
		if (reply?.ok) this.#setVoted(questionId, reply.voted);
		return reply;
	}

	/** A representative's vote for their organisation (the broadcast that follows shows it). */
	async voteOnMotion(motion: number, vote: MotionChoice, membershipId?: string) {
		const reply = await this.#request((s) =>
			s.emitWithAck('motion:vote', { motion, vote, membershipId })
		);
		if (reply?.ok) this.motionChanged(reply.motion);
		return reply;
	}

	/**
	 * The speakers' list's requests (asking, withdrawing; the chair's moves). The broadcast that
	 * follows brings the list; the acknowledgement's list is shown at once unless one newer came.
	 */
	async speakers<E extends SpeakerEvent>(event: E, payload: PayloadOf<E>) {
		const reply = await this.#request((s) =>
			(
				s.emitWithAck as (
					e: E,
					p: PayloadOf<E>
				) => Promise<Ack<{ speakers: LiveSpeakers; requestId?: string }>>
			)(event, payload)
		);
		if (reply?.ok) {
			if (reply.requestId && !this.snapshot.viewer.speaking.includes(reply.requestId)) {
				this.snapshot.viewer.speaking.push(reply.requestId);
			}
			if (Date.parse(reply.speakers.serverTime) > Date.parse(this.snapshot.speakers.serverTime)) {
				this.snapshot.speakers = reply.speakers;
			}
		}
		return reply;
	}

	withdraw(questionId: string) {
		return this.#request((s) => s.emitWithAck('question:withdraw', { questionId }));
	}

	async rate(questionId: string, verdict: Verdict) {
		const reply = await this.#request((s) =>
			s.emitWithAck('question:rate', { questionId, verdict })
		);
		if (reply?.ok) this.snapshot.viewer.rated[questionId] = verdict;
		return reply;
	}

	/** Runs one request with a deadline; undefined when not connected or nothing came back. */
	async #request<Reply>(emit: (socket: TimedSocket) => Promise<Reply>) {
		if (!this.#socket || !this.connected) return undefined;
		try {
			return await emit(this.#socket.timeout(10_000));
		} catch {
			return undefined;
		}
	}

	#markMine(id: string) {
		if (!this.snapshot.viewer.mine.includes(id)) this.snapshot.viewer.mine.push(id);
	}

	/**
	 * The count itself comes with the tally that follows every vote: the acknowledgement's count
	 * cannot be placed among the tallies (it counts a vote not yet committed), so it could take
	 * the count back below one already shown.
	 */
	#setVoted(id: string, voted: boolean) {
		const viewer = this.snapshot.viewer;
		viewer.voted = viewer.voted.filter((v) => v !== id);
		if (voted) viewer.voted.push(id);
	}
}

/** Gives `next` the count of `held` when that was read later (a message that came late). */
function keepNewerCount(next: LiveQuestion, held: LiveQuestion) {
	if (held.countedAt > next.countedAt) {
		next.votes = held.votes;
		next.countedAt = held.countedAt;
	}
}

/** Most votes first (then oldest), or most recent first. */
export function sortQuestions(questions: LiveQuestion[], by: 'votes' | 'recent') {
	return [...questions].sort((a, b) =>
		by === 'votes'
			? b.votes - a.votes || a.askedAt.localeCompare(b.askedAt)
			: b.askedAt.localeCompare(a.askedAt)
	);
}
