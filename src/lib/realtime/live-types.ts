/** What a live page knows of a question (the same shape in snapshots, broadcasts and the API). */
export type LiveQuestion = {
	id: string;
	/** Null when it was rejected as abusive or as personal data: the text itself is the problem. */
	text: string | null;
	anonymous: boolean;
	/** The asker's name for a named question; never anything for an anonymous one. */
	askerName: string | null;
	source: 'app' | 'floor';
	state: 'pending' | 'published' | 'rejected' | 'merged' | 'withdrawn';
	rejectionReason: 'off_topic' | 'abusive' | 'duplicate' | 'personal_data' | null;
	rejectionNote: string | null;
	mergedIntoId: string | null;
	answerStatus:
		| 'open'
		| 'answered'
		| 'partly_answered'
		| 'not_answered'
		| 'declined'
		| 'deferred'
		| 'not_reached'
		| 'written';
	answerSummary: string | null;
	agendaItemId: string | null;
	votes: number;
	/**
	 * How recent `votes` is: counts read later have a higher number (any instance). A page keeps
	 * the count with the highest, so a message that arrives late never takes a count back.
	 */
	countedAt: number;
	/** The room's verdict on the answer. */
	verdict: { answered: number; partly_answered: number; not_answered: number };
	askedAt: string;
};

export type LiveMeeting = {
	id: string;
	group: string;
	number: number;
	title: string;
	state: 'draft' | 'scheduled' | 'live' | 'closed' | 'cancelled';
	mode: 'open' | 'premoderated';
	questionCap: number;
	pinnedQuestionId: string | null;
	/** Who may take part: `open`, `room_code`, `signed_in` or `members` (watching is open). */
	participation: 'open' | 'room_code' | 'signed_in' | 'members';
};

/** What this browser did: its own questions, votes and ratings (never broadcast). */
export type LiveViewer = {
	mine: string[];
	/** The ids of this viewer's own open requests to speak (signed-in viewers only). */
	speaking: string[];
	voted: string[];
	rated: Record<string, string>;
	canModerate: boolean;
	/** Whether this viewer may ask, vote, rate and withdraw; if not, why (a message key). */
	takingPart: { allowed: true } | { allowed: false; reason: string };
	/** The room code, for officers alone (the screen shows it in the hall). */
	roomCode: string | null;
	/**
	 * For officers alone: per question, votes in the last five minutes and how many came from
	 * participants first seen in the five minutes before; `bursts` lists the questions flagged.
	 */
	recentVotes: Record<string, { recent: number; fromNew: number }>;
	bursts: string[];
};

export type LiveSnapshot = {
	seq: number;
	meeting: LiveMeeting;
	questions: LiveQuestion[];
	viewer: LiveViewer;
	/** The speakers' list and the current agenda item (speakers/read.ts). */
	speakers: LiveSpeakers;
};

export type MotionChoice = 'for' | 'against' | 'abstain';

/**
 * A motion as the public reads it (the same shape on its page, in broadcasts and the API): while
 * the vote is open, the running totals only; once decided, the result and each organisation's
 * vote. Organisations are named, never the people who acted for them.
 */
export type LiveMotion = {
	id: string;
	number: number;
	/** What is (or was) put to the vote: as amended by the carried amendments. */
	text: string;
	/** Its text as proposed, when carried amendments rewrote it; otherwise null. */
	originalText: string | null;
	/** The number of the motion it amends; null for a motion of its own. */
	amendmentOf: number | null;
	/** An amendment: the motion as it would read if carried. */
	amendedText: string | null;
	state: 'proposed' | 'scheduled' | 'voting' | 'decided' | 'declined';
	proposedBy: string | null;
	/** The office of an officer who proposed it as such. */
	proposedAs: 'chair' | 'vice_chair' | 'secretary' | null;
	secondedBy: string | null;
	proposedAt: string;
	declineReason: string | null;
	reviewedAt: string | null;
	voteOpenedAt: string | null;
	voteClosedAt: string | null;
	totals: Record<MotionChoice, number> | null;
	result: {
		outcome: 'carried' | 'lost' | 'no_quorum' | null;
		members: number | null;
		quorumNeeded: number | null;
		quorumMet: boolean | null;
	} | null;
	votes: { organisation: string; vote: MotionChoice }[] | null;
	notVoting: string[] | null;
};

/**
 * A request to speak as everyone reads it (live page, screen, broadcasts, the API). Named as its
 * speaker chose: by name (with the organisation they speak for, if any), by organisation alone,
 * or as an attendee. Never an email or an account id.
 */
export type LiveSpeaker = {
	id: string;
	agendaItemId: string | null;
	shownAs: 'name' | 'organisation' | 'attendee';
	name: string | null;
	organisation: string | null;
	position: number;
	state: 'waiting' | 'speaking' | 'spoke' | 'not_reached';
	allowedSeconds: number;
	requestedAt: string;
	startedAt: string | null;
	endedAt: string | null;
};

/**
 * The speakers' list of a meeting and its current agenda item: timers run in the browser from
 * these server times (`serverTime`, when it was read, lets a client allow for its clock's error).
 */
export type LiveSpeakers = {
	currentItem: {
		id: string;
		title: string;
		plannedMinutes: number;
		startedAt: string;
	} | null;
	/** The group's default turn length, in seconds. */
	turnSeconds: number;
	/** Waiting, speaking and spoken requests (withdrawn ones are nobody's business), in order. */
	list: LiveSpeaker[];
	serverTime: string;
};
