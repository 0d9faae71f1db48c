import type { LiveMeeting, LiveMotion, LiveQuestion, LiveSpeakers } from '$lib/realtime/live-types';
import { liveNamespace } from '$lib/realtime/events';
import { socketServer } from './socket-server';

/** The room of a meeting's live page, and the room of its officers (pending questions). */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const officersRoom = (meetingId: string) => `meeting:${meetingId}:officers`;
/** Every live connection of one signed-in person (on every instance, through the adapter). */
export const accountRoom = (userId: string) => `account:${userId}`;
/** Every live connection made with one session (a browser signed in). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Closes the live connections made with a session that has ended, on every instance. */
export function closeSessionConnections(sessionId: string) {
	live()?.in(sessionRoom(sessionId)).disconnectSockets();
}

/**
 * Closes a person's live connections (on every instance, or on this one only): their pages
 * reconnect at once and join again with what they may now see, so an ended officer leaves the
 * officers' rooms.
 */
export function reconnectAccount(userId: string, here = false) {
	const namespace = live();
	(here ? namespace?.local : namespace)?.in(accountRoom(userId)).disconnectSockets();
}

function live() {
	return socketServer()?.of(liveNamespace);
}

/**
 * Announces a change after its transaction committed. A pending question goes to officers only.
 * Without a socket server (a command-line script, a domain test) there is no one to tell.
 */
export function announceQuestion(
	meetingId: string,
	seq: number,
	question: LiveQuestion,
	retracted = false
) {
	const room = question.state === 'pending' ? officersRoom(meetingId) : meetingRoom(meetingId);
	live()?.to(room).emit('question:changed', { seq, question });
	// A restored question awaiting approval again leaves the public's view: they learn only its
	// id (which they knew). Its asker's page keeps it, as theirs, awaiting approval.
	if (retracted && question.state === 'pending') {
		live()
			?.to(meetingRoom(meetingId))
			.except(officersRoom(meetingId))
			.emit('question:retracted', { seq, questionId: question.id });
	}
	// Officers follow the public room as well; a question leaving "pending" reaches them there.
}

export function announceMeeting(meetingId: string, seq: number, meeting: LiveMeeting) {
	live()?.to(meetingRoom(meetingId)).emit('meeting:changed', { seq, meeting });
}

export function announceTally(
	meetingId: string,
	tally: { seq: number; counts: Record<string, number>; countedAt: number }
) {
	live()?.to(meetingRoom(meetingId)).emit('tally', tally);
}

export function announceMotionChange(meetingId: string, motion: LiveMotion) {
	live()?.to(meetingRoom(meetingId)).emit('motion:changed', { motion });
}

export function announceSpeakersChange(meetingId: string, seq: number, speakers: LiveSpeakers) {
	live()?.to(meetingRoom(meetingId)).emit('speakers:changed', { seq, speakers });
}
