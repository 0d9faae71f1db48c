import { on } from '../events';
import {
	announceMeeting,
	announceMotionChange,
	announceSpeakersChange,
	announceQuestion,
	closeSessionConnections,
	reconnectAccount
} from './broadcast';
import { scheduleTally } from './tally';

/**
 * The domain's events, told to the live pages: changes at once, votes coalesced into tallies.
 * A dev server reload evaluates this module again: its previous subscriptions go first, so
 * nothing is broadcast twice.
 */
const subscriptions = ((
	globalThis as { openfloorAnnouncing?: (() => void)[] }
).openfloorAnnouncing ??= []);
for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
subscriptions.push(
	on('question:changed', ({ meetingId, seq, question, retracted }) =>
		announceQuestion(meetingId, seq, question, retracted)
	),
	on('meeting:changed', ({ meetingId, seq, meeting }) => announceMeeting(meetingId, seq, meeting)),
	on('motion:changed', ({ meetingId, motion }) => announceMotionChange(meetingId, motion)),
	on('speakers:changed', ({ meetingId, seq, speakers }) =>
		announceSpeakersChange(meetingId, seq, speakers)
	),
	on('vote:counted', ({ meetingId, questionId }) => scheduleTally(meetingId, questionId)),
	on('officer:ended', ({ userId, here }) => reconnectAccount(userId, here)),
	on('session:ended', ({ sessionId }) => closeSessionConnections(sessionId)),
	on('account:signed_out', ({ userId }) => reconnectAccount(userId))
);
