import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startAppOn, type Client, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { everyDoor, pageRoutes, routePattern } from '../fixtures/doors';
import {
	fingerprint,
	formOf,
	readAck,
	readApi,
	readForm,
	readPage,
	reveals,
	type Answer,
	type Request
} from '../fixtures/matrix-answers';
import {
	expectStatus,
	pdf,
	reason,
	roles,
	secrets,
	seedMatrix,
	type Ids,
	type Role,
	type Stage
} from '../fixtures/matrix-seed';
import { permissions, type Permission } from '$lib/server/auth/authorise';
import { signDueCheckpoints } from '$lib/server/decision-log/checkpoints';
import { openPglite, openPostgres, type DatabaseHandle } from '$lib/server/db';
import { mailOutbox } from '$lib/server/db/schema';

/**
 * Issue 16, S4: every door against every role. Each JSON endpoint and method, each other endpoint
 * (feeds, downloads), each form action, each page that asks who is visiting and each socket request
 * is tried by an anonymous visitor, a signed-in non-member, a member organisation's representative,
 * the secretary, the vice-chair and the chair of group A, the chair of group B and the site
 * administrator, on group A's records; every door that names a record by its id is tried again
 * with A's ids in B's address, where nobody may succeed. What each role should get comes from one
 * table (`holds`, checked against the app's own permission model, and `doors`); a door found in the
 * source that the table does not classify fails the test. Bodies are valid, so a refusal is the
 * permission's. Refused writes must leave no trace: every table is fingerprinted before and after.
 * Let in means past the permission check: a success, or a 400/409/429 the door's own rules give.
 */

/**
 * What a role holds in group A besides the app's permissions: relations to A's records that no
 * permission names.
 */
type Relation =
	/** The public; an attendee of the live meeting, which is open to anyone with its link. */
	| 'anyone'
	| 'signedIn'
	/** The site administrator's own pages and trail (checked as such, not as a permission). */
	| 'siteAdmin'
	/** Represents a current member organisation of A (the member, whose second one a door ends). */
	| 'representative'
	/** Acts for (represents) the organisations of A's pending application and its refused, appealed one. */
	| 'applicant'
	/** Asked the question of A's live meeting that the withdraw doors name. */
	| 'asker'
	/** The vice-chair to whom A's pending appeal went (not the chair, who refused it). */
	| 'appealDecider'
	/** Drawn for an appeal panel: nobody is (the seeded appeal went to the vice-chair). */
	| 'panellist'
	/** May challenge A's minutes: an officer who writes them, or a representative. */
	| 'corrector'
	/** Asked to speak at A's live meeting: the request the withdraw doors name. */
	| 'speaker'
	/** May end another officer's appointment (`mayRemove`): the chair, or the site admin. */
	| 'officerRemover';
type Capability = Permission | Relation;

/** The expected-permission table: what each role holds in group A. */
const holds: Record<Role, readonly Capability[]> = {
	anonymous: ['anyone', 'asker'],
	outsider: ['anyone', 'signedIn', 'applicant'],
	member: ['anyone', 'signedIn', 'representative', 'corrector', 'speaker'],
	secretary: [
		'anyone',
		'signedIn',
		'corrector',
		'meeting.manage',
		'attendance.record',
		'motion.propose',
		'motion.schedule',
		'application.review',
		'question.moderate',
		'question.answer',
		'question.answer.written',
		'speakers.chair',
		'minutes.write',
		'action.record',
		'action.update',
		'audit.read'
	],
	viceChair: [
		'anyone',
		'signedIn',
		'appealDecider',
		'motion.propose',
		'motion.vote.run',
		'audit.read'
	],
	chair: [
		'anyone',
		'signedIn',
		'corrector',
		'officerRemover',
		'officer.appoint.vice_chair',
		'officer.appoint.secretary',
		'officer.appoint.respondent',
		'appeals.set',
		'meeting.manage',
		'attendance.record',
		'proposal.decide',
		'motion.propose',
		'motion.schedule',
		'motion.vote.run',
		'motion.rules',
		'speakers.chair',
		'speakers.settings',
		'application.review',
		'application.decide',
		'membership.end',
		'membership.open',
		'membership.categories',
		'question.moderate',
		'question.answer',
		'question.answer.written',
		'minutes.write',
		'action.record',
		'action.update',
		'audit.read'
	],
	/** B's chair holds nothing in A. */
	chairB: ['anyone', 'signedIn'],
	admin: [
		'anyone',
		'signedIn',
		'siteAdmin',
		'officerRemover',
		'group.create',
		'officer.appoint.chair',
		'officer.appoint.vice_chair',
		'officer.appoint.secretary',
		'officer.appoint.respondent',
		'audit.read'
	],
	/** Institution staff: answers written questions, and holds nothing else in A. */
	respondent: ['anyone', 'signedIn', 'question.answer.written']
};

/** The role each of ours is in the app's permission model (src/lib/server/auth/authorise.ts). */
const modelRole: Partial<Record<Role, string>> = {
	secretary: 'secretary',
	viceChair: 'vice_chair',
	chair: 'chair',
	admin: 'site_admin',
	respondent: 'respondent'
};

/** The records a door may name by id. */
type IdKey =
	| 'pending'
	| 'refused'
	| 'membership'
	| 'membershipApplication'
	| 'appointment'
	| 'proposal'
	| 'correction'
	| 'action'
	| 'written'
	| 'question'
	| 'ownQuestion';

type Door = {
	/** The door as found in the source (fixtures/doors.ts). */
	key: string;
	/** Who gets in: a role holding any of these (`nobody`: no role). */
	needs: Capability | readonly Capability[] | 'nobody';
	/** Another case of the same door (a draft meeting, another role to appoint…). */
	variant?: string;
	/** Names A's records by id: also tried with A's ids in B's address, where it must not succeed. */
	foreign?: boolean;
	/** Tried only that way (a case that matters only in another group's address). */
	foreignOnly?: boolean;
	/** Ends the visitor's session: tried after every other door, in this order. */
	last?: number;
	request: (x: Ids) => Request;
};

/**
 * Where a door is tried: the meeting `[n]` is in (scheduled unless said), the stage of the meeting
 * whose agenda item `[item]` is, the record `[id]` is; and what is sent.
 */
type Spec = Pick<Door, 'variant' | 'foreign' | 'foreignOnly' | 'last'> & {
	/** A read whose private part only some may see: let in means it shows them this. */
	secret?: string;
	n?: Stage;
	item?: Stage;
	id?: IdKey;
	/** The motion `[motion]` is, in the live meeting: by its state. */
	motion?: keyof Ids['motion'];
	query?: string;
	body?: object | ((x: Ids) => object);
};

/** A route's address on `x`'s records. */
function fill(route: string, x: Ids, spec: Spec) {
	const path = route.replace(/\[([^\]=]+)(=[^\]]+)?\]/g, (_, name: string) => {
		if (name === 'group') return x.slug;
		if (name === 'n') return String(x.meeting[spec.n ?? 'scheduled']);
		if (name === 'item') return x.item[spec.item ?? spec.n ?? 'scheduled'];
		if (name === 'size') return String(x.checkpoint);
		if (name === 'version') return '1';
		if (name === 'document') return x.pdf[spec.n === 'draft' ? 'draft' : 'scheduled'];
		if (name === '...rest') return 'v2/groups';
		if (name === 'id' && spec.id) return String(x[spec.id]);
		if (name === 'motion') return String(x.motion[spec.motion ?? 'proposed']);
		if (name === 'request') return x.speaker;
		// An invitation's link (to an address no role has), or an account link, made up: either
		// lets nobody in, whoever follows it.
		if (name === 'token') return route.includes('invitations') ? x.invitation.token : madeUpToken;
		// A representative or an invitation that is none of the organisation's: a conflict.
		if (name === 'user' || name === 'invitation') return nobodysId;
		throw new Error(`${route}: no value for [${name}]`);
	});
	return path + (spec.query ?? '');
}

const bodyOf = (spec: Spec, x: Ids) =>
	typeof spec.body === 'function' ? spec.body(x) : (spec.body ?? {});

const api = (method: string, route: string, needs: Door['needs'], spec: Spec = {}): Door => ({
	key: `${method} /api${route}`,
	needs,
	...spec,
	request: (x) => ({
		kind: 'api',
		method,
		path: fill(`/api${route}`, x, spec),
		body: method === 'GET' ? undefined : bodyOf(spec, x),
		secret: spec.secret
	})
});

const form = (route: string, action: string, needs: Door['needs'], spec: Spec = {}): Door => ({
	key: `${route} ?/${action}`,
	needs,
	...spec,
	request: (x) => ({
		kind: 'form',
		path: fill(route, x, spec),
		action,
		fields: bodyOf(spec, x) as Record<string, string | Blob>
	})
});

/** A page, or an endpoint outside the JSON API (read as a page is: its status). */
const page = (route: string, needs: Door['needs'], spec: Spec = {}, method = 'GET'): Door => ({
	key: `${method} ${route}`,
	needs,
	...spec,
	request: (x) => ({
		kind: 'page',
		path: fill(route, x, spec),
		method,
		fields: method === 'GET' ? undefined : (bodyOf(spec, x) as Record<string, string>),
		secret: spec.secret
	})
});

/** Sent after joining the live meeting of the address's group. */
const socket = (event: string, needs: Door['needs'], spec: Spec = {}): Door => ({
	key: `socket ${event}`,
	needs,
	...spec,
	request: (x) => ({
		kind: 'socket',
		event,
		join: { group: x.slug, meeting: x.meeting.live },
		payload: bodyOf(spec, x)
	})
});

const groupApi = '/v1/groups/[group]';
const meetingApi = `${groupApi}/meetings/[n]`;
const meetingPage = '/g/[group]/meetings/[n=integer]';
const application = {
	organisation: {
		name: 'Vale Forum',
		category: 'Legal advice',
		area: 'Vale',
		description: 'A forum.'
	},
	contact: { name: 'Contact', email: 'contact@example.org' },
	statement: 'We speak for the vale.'
};
const applicationFields = {
	'organisation.name': 'Vale Forum by form',
	'organisation.category': 'Legal advice',
	'organisation.area': 'Vale',
	'organisation.description': 'A forum.',
	'contact.name': 'Contact',
	'contact.email': 'contact@example.org',
	statement: 'We speak for the vale.'
};
const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
const newMeeting = {
	title: 'Extra meeting',
	startsAt: at(20),
	endsAt: at(20.05),
	location: 'Hall'
};
const wrongCode = { code: 'ABCD-EFGH' };
const nobodysId = '00000000-0000-4000-8000-000000000000';
const madeUpToken = 'madeupbythematrixaaaaaaaaaaaaaaa';
const nobodysLogin = { email: 'nobody@matrix.test', password: 'not the password at all' };
const badSignup = { email: 'not an email', password: 'x', displayName: '' };
const declined = { outcome: 'declined', reason: 'Not for this meeting.' };
const action = { owner: 'The inspector', description: 'Report back.', dueOn: '2027-04-01' };
const naming = (x: Ids) => ({ membershipId: x.membership });
const accepting = (x: Ids) => ({ changeNote: 'Corrected.', acceptCorrections: [x.correction] });
/** Cases that matter in B's address only: B's meeting whose agenda is open, A's record. */
const openAgenda = {
	variant: "A's item on an open agenda",
	n: 'scheduled',
	foreignOnly: true
} as const;
const namingMembership = { variant: 'naming the membership', foreignOnly: true } as const;

/**
 * Every door, classified. Where a permission guards the door the body is valid, so that a refusal
 * is the permission's, not the input's.
 */
const doors: Door[] = [
	// The JSON API.
	...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => api(method, '/[...rest]', 'nobody')),
	api('GET', '/v1/audit', 'siteAdmin'),
	api('GET', '/v1/groups', 'anyone'),
	api('POST', '/v1/groups', 'group.create', {
		body: {
			slug: 'matrix-new',
			name: 'New',
			institution: 'Police',
			purpose: 'New.',
			membershipOpen: true
		}
	}),
	api('GET', groupApi, 'anyone'),
	api('GET', `${groupApi}/actions`, 'anyone'),
	api('GET', `${groupApi}/actions/[id]`, 'anyone', { id: 'action', foreign: true }),
	api('PATCH', `${groupApi}/actions/[id]`, 'action.update', {
		id: 'action',
		body: { status: 'done', note: 'Published.' },
		foreign: true
	}),
	api('POST', `${groupApi}/appeals`, 'appeals.set', { body: { appealsBy: 'panel' } }),
	api('GET', `${groupApi}/applications`, 'anyone'),
	api('POST', `${groupApi}/applications`, 'signedIn', { body: application }),
	api('GET', `${groupApi}/applications/[id]`, 'anyone', { id: 'pending', foreign: true }),
	// The open data never carries an application's contact, whoever asks.
	api('GET', `${groupApi}/applications/[id]`, 'nobody', {
		variant: 'its contact',
		id: 'pending',
		secret: secrets.contact
	}),
	...(
		[
			['appeal', 'applicant', 'refused', { statement: 'Again.' }],
			['appeal/decision', 'appealDecider', 'refused', { outcome: 'upheld', reason }],
			['appeal/recuse', 'panellist', 'refused', {}],
			['appeal/vote', 'panellist', 'refused', { vote: 'overturned', reason }],
			['decision', 'application.decide', 'pending', { outcome: 'refused', reason }],
			['notes', 'application.review', 'pending', { body: 'A private note.' }],
			['review', 'application.review', 'pending', {}],
			['withdraw', 'applicant', 'pending', {}]
		] as const
	).map(([verb, needs, id, body]) =>
		api('POST', `${groupApi}/applications/[id]/${verb}`, needs, { id, body, foreign: true })
	),
	// An organisation's people: its representatives manage them, officers who review read them.
	api('GET', `${groupApi}/applications/[id]/representatives`, ['applicant', 'application.review'], {
		id: 'pending',
		foreign: true
	}),
	api('DELETE', `${groupApi}/applications/[id]/representatives/[user]`, 'applicant', {
		id: 'pending',
		foreign: true
	}),
	api('POST', `${groupApi}/applications/[id]/invitations`, 'applicant', {
		id: 'pending',
		body: { email: 'another@matrix.test' },
		foreign: true
	}),
	api('DELETE', `${groupApi}/applications/[id]/invitations/[invitation]`, 'applicant', {
		id: 'pending',
		foreign: true
	}),
	// Only the invited address's account may accept, and no role has it.
	api('POST', '/v1/invitations/[token]', 'nobody'),
	api('GET', `${groupApi}/applications/[id]/notes`, 'application.review', {
		id: 'pending',
		foreign: true
	}),
	api('GET', `${groupApi}/audit`, 'audit.read'),
	api('GET', `${groupApi}/categories`, 'anyone'),
	api('POST', `${groupApi}/categories`, 'membership.categories', {
		body: { name: 'Faith groups' }
	}),
	api('GET', `${groupApi}/checkpoints`, 'anyone'),
	api('POST', `${groupApi}/checkpoints/[size]/countersign`, 'representative'),
	api('POST', `${groupApi}/checkpoints/[size]/countersign`, 'representative', {
		...namingMembership,
		body: naming
	}),
	api('GET', `${groupApi}/checkpoints/latest`, 'anyone'),
	api('GET', `${groupApi}/decisions`, 'anyone'),
	api('GET', `${groupApi}/ledger`, 'anyone'),
	api('GET', `${groupApi}/meetings`, 'anyone'),
	api('POST', `${groupApi}/meetings`, 'meeting.manage', { body: newMeeting }),
	api('GET', meetingApi, 'anyone'),
	api('GET', meetingApi, 'meeting.manage', { variant: 'draft', n: 'draft' }),
	api('PATCH', meetingApi, 'meeting.manage', { body: { title: 'Renamed meeting' } }),
	// A held meeting's recording is added after it.
	api('PUT', `${meetingApi}/recording`, 'meeting.manage', {
		n: 'closed',
		body: { recordingUrl: 'https://video.example.org/recording' }
	}),
	api('GET', `${meetingApi}/actions`, 'anyone', { n: 'live' }),
	api('GET', `${meetingApi}/actions`, 'meeting.manage', { variant: 'draft', n: 'draft' }),
	api('POST', `${meetingApi}/actions`, 'action.record', { n: 'live', body: action }),
	api('POST', `${meetingApi}/actions`, 'action.record', {
		variant: "answering A's question",
		n: 'live',
		body: (x) => ({ ...action, questionId: x.question }),
		foreign: true
	}),
	api('POST', `${meetingApi}/admission`, 'anyone', { n: 'live', body: wrongCode }),
	api('POST', `${meetingApi}/agenda`, 'meeting.manage', {
		body: { title: 'Item', plannedMinutes: 20 }
	}),
	api('PATCH', `${meetingApi}/agenda/[item]`, 'meeting.manage', {
		body: { title: 'Item renamed' },
		foreign: true
	}),
	// The closed meeting's agenda is fixed: those let in are refused as a conflict, nothing goes.
	api('DELETE', `${meetingApi}/agenda/[item]`, 'meeting.manage', { n: 'closed', foreign: true }),
	api('DELETE', `${meetingApi}/agenda/[item]`, 'meeting.manage', { ...openAgenda, item: 'closed' }),
	api('POST', `${meetingApi}/agenda/[item]/documents`, 'meeting.manage', {
		body: { title: 'Paper', url: 'https://example.org/paper' },
		foreign: true
	}),
	api('POST', `${meetingApi}/agenda/[item]/move`, 'meeting.manage', {
		body: { direction: 'down' },
		foreign: true
	}),
	api('POST', `${meetingApi}/apologies`, 'representative'),
	api('POST', `${meetingApi}/apologies`, 'representative', { ...namingMembership, body: naming }),
	api('PUT', `${meetingApi}/attendance`, 'attendance.record', {
		body: (x) => ({ entries: [{ membershipId: x.membership, status: 'present' }] }),
		foreign: true
	}),
	api('GET', `${meetingApi}/minutes`, 'anyone', { n: 'closed' }),
	api('GET', `${meetingApi}/minutes/[version=integer]`, 'anyone', { n: 'closed' }),
	api('GET', `${meetingApi}/minutes/corrections`, 'anyone', { n: 'closed' }),
	api('POST', `${meetingApi}/minutes/corrections`, 'corrector', {
		n: 'closed',
		body: { text: 'The minutes misname the venue.' }
	}),
	api('POST', `${meetingApi}/minutes/corrections/[id]/decline`, 'minutes.write', {
		n: 'closed',
		id: 'correction',
		body: { reason: 'Not a correction of fact.' },
		foreign: true
	}),
	api('PUT', `${meetingApi}/minutes/draft`, 'minutes.write', {
		n: 'closed',
		body: { markdown: '# Minutes\n\nPresent: all.' }
	}),
	api('POST', `${meetingApi}/minutes/publish`, 'minutes.write', {
		n: 'closed',
		body: { changeNote: 'Typo fixed.' }
	}),
	api('POST', `${meetingApi}/minutes/publish`, 'minutes.write', {
		variant: "accepting A's correction",
		n: 'closed',
		body: accepting,
		foreign: true
	}),
	api('POST', `${meetingApi}/participation`, 'question.moderate', {
		n: 'live',
		body: { participation: 'open' }
	}),
	api('POST', `${meetingApi}/proposals`, 'representative', {
		body: { title: 'Body cameras', why: 'Footage goes missing.' }
	}),
	api('POST', `${meetingApi}/proposals`, 'representative', {
		...namingMembership,
		body: (x) => ({ title: 'Dogs', why: 'Used in cells.', ...naming(x) })
	}),
	// Motions, at the live meeting: one proposed by the member, one the chair proposed and
	// scheduled, one being voted on. Those let in may find the move already made (409).
	api('GET', `${meetingApi}/motions`, 'anyone', { n: 'live' }),
	api('POST', `${meetingApi}/motions`, ['representative', 'motion.propose'], {
		n: 'live',
		body: { text: 'That the Service publishes its custody figures.' }
	}),
	api('GET', `${meetingApi}/motions/[motion]`, 'anyone', { n: 'live', foreign: true }),
	api('PATCH', `${meetingApi}/motions/[motion]`, 'motion.schedule', {
		n: 'live',
		body: { state: 'scheduled' },
		foreign: true
	}),
	api('PATCH', `${meetingApi}/motions/[motion]`, 'motion.schedule', {
		variant: 'declining',
		n: 'live',
		body: { state: 'declined', reason: 'Outside the terms of reference.' },
		foreign: true
	}),
	api('PATCH', `${meetingApi}/motions/[motion]`, 'motion.vote.run', {
		variant: 'opening the vote',
		n: 'live',
		motion: 'scheduled',
		body: { state: 'voting' },
		foreign: true
	}),
	api('PATCH', `${meetingApi}/motions/[motion]`, 'motion.vote.run', {
		variant: 'closing the vote',
		n: 'live',
		motion: 'voting',
		body: { state: 'decided' },
		foreign: true
	}),
	api('POST', `${meetingApi}/motions/[motion]/second`, 'representative', {
		n: 'live',
		motion: 'scheduled',
		foreign: true
	}),
	api('PUT', `${meetingApi}/motions/[motion]/vote`, 'representative', {
		n: 'live',
		motion: 'voting',
		body: { vote: 'for' },
		foreign: true
	}),
	api('PUT', `${meetingApi}/motions/[motion]/vote`, 'representative', {
		...namingMembership,
		n: 'live',
		motion: 'voting',
		body: (x) => ({ vote: 'against', ...naming(x) })
	}),
	api('POST', `${groupApi}/motion-rules`, 'motion.rules', {
		body: { quorum: 'half', majority: 'simple' }
	}),
	// The speakers' list of the live meeting (the member's request, waiting).
	api('GET', `${meetingApi}/speakers`, 'anyone', { n: 'live' }),
	api('POST', `${meetingApi}/speakers`, 'signedIn', { n: 'live', body: {} }),
	api('POST', `${meetingApi}/speakers/[request]/withdraw`, 'speaker', {
		n: 'live',
		foreign: true
	}),
	...(
		[
			['floor', {}],
			['end', {}],
			['move', { position: 1 }],
			['time', { seconds: 120 }]
		] as const
	).map(([verb, body]) =>
		api('POST', `${meetingApi}/speakers/[request]/${verb}`, 'speakers.chair', {
			n: 'live',
			body,
			foreign: true
		})
	),
	api('PUT', `${meetingApi}/speakers/current-item`, 'speakers.chair', {
		n: 'live',
		body: (x) => ({ agendaItemId: x.item.live })
	}),
	api('PUT', `${groupApi}/speaking-turn`, 'speakers.settings', { body: { seconds: 150 } }),
	api('GET', `${meetingApi}/questions`, 'anyone', { n: 'live' }),
	api('POST', `${meetingApi}/questions`, 'anyone', {
		n: 'live',
		body: { text: 'Who checks the checks?', anonymous: true }
	}),
	api('POST', `${meetingApi}/questions`, 'anyone', {
		variant: "on A's agenda item",
		n: 'live',
		body: (x) => ({ text: 'About this item?', anonymous: true, agendaItemId: x.item.live }),
		foreign: true
	}),
	api('GET', `${meetingApi}/room-code`, 'question.moderate', { n: 'live' }),
	api('POST', `${meetingApi}/room-code`, 'question.moderate', { n: 'live' }),
	api('GET', `${groupApi}/members`, 'anyone'),
	api('POST', `${groupApi}/members/[id]/end`, ['representative', 'membership.end'], {
		id: 'membership',
		foreign: true
	}),
	api('GET', `${groupApi}/membership`, 'anyone'),
	api('POST', `${groupApi}/membership`, 'membership.open', {
		body: { open: true, reason: 'Open again for new members.' }
	}),
	api('GET', `${groupApi}/minutes`, 'anyone'),
	api('POST', `${groupApi}/proposals/[id]/decision`, 'proposal.decide', {
		id: 'proposal',
		body: declined,
		foreign: true
	}),
	api('GET', `${groupApi}/questions`, 'anyone'),
	...(
		[
			['vote', 'anyone', 'question', { up: true }],
			['withdraw', 'asker', 'ownQuestion', {}],
			['rate', 'anyone', 'question', { verdict: 'answered' }],
			['moderate', 'question.moderate', 'question', { action: 'pin' }],
			['restore', 'question.moderate', 'question', {}]
		] as const
	).map(([verb, needs, id, body]) =>
		api('POST', `${groupApi}/questions/[id]/${verb}`, needs, { id, body, foreign: true })
	),
	// Written questions: asked by a member organisation (or an officer who moderates), answered by
	// the secretary or a respondent, judged by any account. Those let in may find it answered (409).
	api('GET', `${groupApi}/written`, 'anyone'),
	api('POST', `${groupApi}/written`, ['representative', 'question.moderate'], {
		body: { text: 'How many complaints were upheld last year?' }
	}),
	api('GET', `${groupApi}/written/[id]`, 'anyone', { id: 'written', foreign: true }),
	api('POST', `${groupApi}/written/[id]/answer`, 'question.answer.written', {
		id: 'written',
		body: { answer: 'Forty-two, of which nine in full.' },
		foreign: true
	}),
	api('POST', `${groupApi}/written/[id]/rate`, 'signedIn', {
		id: 'written',
		body: { verdict: 'partly_answered' },
		foreign: true
	}),
	api('GET', `${groupApi}/roles`, 'anyone'),
	...(['secretary', 'vice_chair', 'chair', 'respondent'] as const).map((role) =>
		api('POST', `${groupApi}/roles`, `officer.appoint.${role}`, {
			variant: role === 'secretary' ? undefined : role,
			body: { email: 'officer@matrix.test', role }
		})
	),
	api('POST', `${groupApi}/roles/[id]/end`, 'officerRemover', { id: 'appointment', foreign: true }),
	api('GET', '/v1/log-key', 'anyone'),
	api('GET', '/v1/search', 'anyone', { query: '?q=custody' }),
	api('GET', '/v1/session', 'anyone'),
	api('POST', '/v1/session', 'anyone', { body: nobodysLogin }),
	api('DELETE', '/v1/session', 'anyone', { last: 1 }),
	api('POST', '/v1/users', 'anyone', { body: badSignup }),
	api('POST', '/v1/password-resets', 'anyone', { body: { email: 'not an address' } }),
	api('POST', '/v1/password-resets/[token]', 'nobody', {
		body: { newPassword: 'a long enough passphrase' }
	}),
	api('POST', '/v1/email-confirmations', 'signedIn'),
	api('POST', '/v1/email-confirmations/[token]', 'nobody'),
	// Signed in, it follows; signed out, an address is needed (and this one is refused as such).
	api('POST', `${groupApi}/follow`, 'anyone', { body: { email: 'not an address' } }),
	api('DELETE', `${groupApi}/follow`, 'signedIn'),
	api('POST', '/v1/follow-confirmations/[token]', 'nobody'),
	api('GET', '/v1/notifications', 'signedIn'),
	api('PATCH', '/v1/notifications', 'signedIn', { body: { meetings: 'hourly' } }),

	// Form actions.
	form('/account', 'profile', 'signedIn', { body: { displayName: 'Renamed by the matrix' } }),
	form('/account', 'resend', 'signedIn'),
	form('/account', 'delete', 'signedIn', {
		body: { password: 'not the password at all', understood: 'on' }
	}),
	// A session that is not one's own: nobody can end it (it is not found).
	form('/account', 'endSession', 'nobody', { body: { session: '0'.repeat(64) } }),
	form('/account', 'email', 'signedIn', {
		body: { email: 'moved@matrix.test', password: 'not the password at all' }
	}),
	form('/account/confirm/[token]', 'default', 'nobody'),
	form('/password-reset', 'default', 'anyone', { body: { email: 'not an address' } }),
	form('/password-reset/[token]', 'default', 'nobody', {
		body: { newPassword: 'a long enough passphrase' }
	}),
	form('/account', 'password', 'signedIn', {
		body: { currentPassword: 'not the password at all', newPassword: 'another long passphrase' }
	}),
	form('/admin', 'createGroup', 'group.create', {
		body: {
			slug: 'matrix-form',
			name: 'Form',
			institution: 'Police',
			purpose: 'By form.',
			membershipOpen: 'on'
		}
	}),
	form('/admin', 'appointChair', 'officer.appoint.chair', {
		body: (x) => ({ group: x.slug, email: 'nobody@matrix.test' })
	}),
	// A decision email still queued (no SMTP_URL here): the administrator is told it has not failed.
	form('/admin', 'retryMail', 'siteAdmin', { body: (x) => ({ id: x.mail }) }),
	...(
		[
			['withdraw', 'applicant', 'pending', {}],
			['appeal', 'applicant', 'refused', { statement: 'Again.' }],
			['review', 'application.review', 'pending', {}],
			['note', 'application.review', 'pending', { body: 'A private note.' }],
			['decide', 'application.decide', 'pending', { outcome: 'refused', reason }],
			['decideAppeal', 'appealDecider', 'refused', { outcome: 'upheld', reason }],
			['panelVote', 'panellist', 'refused', { vote: 'overturned', reason }],
			['recuse', 'panellist', 'refused', {}],
			['end', ['representative', 'membership.end'], 'membershipApplication', {}]
		] as const
	).map(([action, needs, id, body]) =>
		form('/g/[group]/applications/[id]', action, needs, { id, body, foreign: true })
	),
	...(
		[
			['invite', { email: 'other@matrix.test' }],
			['revoke', { invitation: nobodysId }],
			['remove', { userId: nobodysId }]
		] as const
	).map(([action, body]) =>
		form('/g/[group]/applications/[id]/representatives', action, 'applicant', {
			id: 'pending',
			body,
			foreign: true
		})
	),
	form('/invitations/[token]', 'accept', 'nobody'),
	form('/g/[group]/follow', 'follow', 'signedIn'),
	form('/g/[group]/follow', 'unfollow', 'signedIn'),
	form('/g/[group]/follow', 'email', 'anyone', { body: { email: 'not an address' } }),
	form('/follow/[token]', 'default', 'nobody'),
	// A settings link is its own authority: a made-up one opens nothing, whoever follows it.
	...(['choose', 'unfollow', 'stopAll'] as const).flatMap((action) => [
		form('/notifications/[token]', action, 'nobody', { body: { meetings: 'off' } }),
		form('/account/notifications', action, 'signedIn', {
			body: (x) => (action === 'unfollow' ? { group: x.slug } : { meetings: 'hourly' })
		})
	]),
	form('/notifications/[token]/unsubscribe', 'default', 'nobody', { query: '?topic=minutes' }),
	form('/account', 'acceptInvitation', 'nobody', {
		body: (x) => ({ invitation: x.invitation.id })
	}),
	form('/g/[group]/apply', 'apply', 'signedIn', { body: applicationFields }),
	form('/g/[group]/decisions', 'countersign', 'representative', {
		body: (x) => ({ size: String(x.checkpoint) })
	}),
	form('/g/[group]/decisions', 'countersign', 'representative', {
		...namingMembership,
		body: (x) => ({ size: String(x.checkpoint), ...naming(x) })
	}),
	form('/g/[group]/written', 'ask', ['representative', 'question.moderate'], {
		body: { text: 'Asked in writing by form.' }
	}),
	form('/g/[group]/written', 'answer', 'question.answer.written', {
		body: (x) => ({ id: x.written, answer: 'Answered by form.' }),
		foreign: true
	}),
	form('/g/[group]/written', 'rate', 'signedIn', {
		body: (x) => ({ id: x.written, verdict: 'answered' }),
		foreign: true
	}),
	form('/g/[group]/ledger', 'status', 'action.update', {
		body: (x) => ({ id: x.action, status: 'dropped', note: 'No longer needed.' }),
		foreign: true
	}),
	form(meetingPage, 'propose', 'representative', { body: { title: 'Strip searches', why: 'Up.' } }),
	form(meetingPage, 'propose', 'representative', {
		...namingMembership,
		body: (x) => ({ title: 'Handcuffs', why: 'Up.', ...naming(x) })
	}),
	form(meetingPage, 'apologies', 'representative'),
	form(meetingPage, 'apologies', 'representative', { ...namingMembership, body: naming }),
	// The motions page's forms: the same domain calls as the API's doors above.
	form(`${meetingPage}/motions`, 'propose', ['representative', 'motion.propose'], {
		n: 'live',
		body: { text: 'That the Service publishes its stop-and-search figures.' }
	}),
	...(
		[
			['second', 'representative', 'scheduled', {}],
			['schedule', 'motion.schedule', 'proposed', {}],
			['decline', 'motion.schedule', 'proposed', { reason: 'Outside the terms of reference.' }],
			['open', 'motion.vote.run', 'scheduled', {}],
			['close', 'motion.vote.run', 'voting', {}],
			['vote', 'representative', 'voting', { vote: 'abstain' }]
		] as const
	).map(([action, needs, motion, body]) =>
		form(`${meetingPage}/motions`, action, needs, {
			n: 'live',
			body: (x) => ({ motion: String(x.motion[motion]), ...body }),
			foreign: true
		})
	),
	form(`${meetingPage}/actions`, 'record', 'action.record', {
		n: 'live',
		body: (x) => ({ ...action, questionId: x.question }),
		foreign: true
	}),
	form(`${meetingPage}/actions`, 'status', 'action.update', {
		n: 'live',
		body: (x) => ({ id: x.action, status: 'open' }),
		foreign: true
	}),
	form(`${meetingPage}/agenda`, 'addItem', 'meeting.manage', {
		body: { title: 'Any other business', plannedMinutes: '10' }
	}),
	form(`${meetingPage}/agenda`, 'move', 'meeting.manage', {
		body: (x) => ({ item: x.item.scheduled, direction: 'down' }),
		foreign: true
	}),
	form(`${meetingPage}/agenda`, 'remove', 'meeting.manage', {
		n: 'closed',
		body: (x) => ({ item: x.item.closed }),
		foreign: true
	}),
	form(`${meetingPage}/agenda`, 'remove', 'meeting.manage', {
		...openAgenda,
		body: (x) => ({ item: x.item.closed })
	}),
	form(`${meetingPage}/agenda`, 'decide', 'proposal.decide', {
		body: (x) => ({ proposal: x.proposal, ...declined }),
		foreign: true
	}),
	form(`${meetingPage}/attendance`, 'default', 'attendance.record', {
		body: (x) => ({ [`status-${x.membership}`]: 'present', otherAttendees: '2' }),
		foreign: true
	}),
	form(`${meetingPage}/edit`, 'save', 'meeting.manage', { body: newMeeting }),
	form(`${meetingPage}/edit`, 'recording', 'meeting.manage', {
		n: 'closed',
		body: { recordingUrl: 'https://video.example.org/recorded' }
	}),
	// A closed meeting cannot go live again: those let in are refused as a conflict.
	form(`${meetingPage}/edit`, 'state', 'meeting.manage', { n: 'closed', body: { state: 'live' } }),
	...(
		[
			['save', { title: 'Renamed item', plannedMinutes: '25' }],
			['link', { title: 'Link', url: 'https://example.org/link' }],
			['upload', { title: 'Uploaded paper', file: pdf() }]
		] as const
	).map(([action, body]) =>
		form(`${meetingPage}/items/[item]`, action, 'meeting.manage', { body, foreign: true })
	),
	form(`${meetingPage}/items/[item]`, 'removeDocument', 'meeting.manage', {
		n: 'closed',
		body: (x) => ({ document: x.document.closed }),
		foreign: true
	}),
	form(`${meetingPage}/items/[item]`, 'removeDocument', 'meeting.manage', {
		...openAgenda,
		item: 'closed',
		body: (x) => ({ document: x.document.closed })
	}),
	form(`${meetingPage}/live`, 'ask', 'anyone', {
		n: 'live',
		body: { text: 'Asked without JavaScript?', anonymous: 'on' }
	}),
	form(`${meetingPage}/live`, 'ask', 'anyone', {
		variant: "on A's agenda item",
		n: 'live',
		body: (x) => ({
			text: 'About this item, by form?',
			anonymous: 'on',
			agendaItemId: x.item.live
		}),
		foreign: true
	}),
	...(
		[
			['vote', 'anyone', 'question', { up: 'true' }],
			['withdraw', 'asker', 'ownQuestion', {}],
			['rate', 'anyone', 'question', { verdict: 'answered' }]
		] as const
	).map(([action, needs, id, body]) =>
		form(`${meetingPage}/live`, action, needs, {
			n: 'live',
			body: (x) => ({ questionId: x[id], ...body }),
			foreign: true
		})
	),
	form(`${meetingPage}/live`, 'admit', 'anyone', { n: 'live', body: wrongCode }),
	// The speakers' list's forms: the same domain calls as its API's and socket's doors.
	form(`${meetingPage}/live`, 'speakerAsk', 'signedIn', { n: 'live', body: {} }),
	...(
		[
			['speakerWithdraw', 'speaker', {}],
			['speakerFloor', 'speakers.chair', {}],
			['speakerEnd', 'speakers.chair', {}],
			['speakerMove', 'speakers.chair', { position: '1' }],
			['speakerTime', 'speakers.chair', { seconds: '120' }]
		] as const
	).map(([action, needs, body]) =>
		form(`${meetingPage}/live`, action, needs, {
			n: 'live',
			body: (x) => ({ requestId: x.speaker, ...body }),
			foreign: true
		})
	),
	form(`${meetingPage}/live`, 'currentItem', 'speakers.chair', {
		n: 'live',
		body: (x) => ({ agendaItemId: x.item.live }),
		foreign: true
	}),
	form(`${meetingPage}/minutes`, 'correct', 'corrector', {
		n: 'closed',
		body: { text: 'The minutes misdate the meeting.' }
	}),
	...(
		[
			['preview', { markdown: '# Preview' }],
			['save', { markdown: '# Minutes\n\nSaved by form.' }],
			['regenerate', {}],
			['publish', { changeNote: 'Amended by form.' }]
		] as const
	).map(([action, body]) =>
		form(`${meetingPage}/minutes/edit`, action, 'minutes.write', { n: 'closed', body })
	),
	form(`${meetingPage}/minutes/edit`, 'publish', 'minutes.write', {
		variant: "accepting A's correction",
		n: 'closed',
		body: (x) => ({ changeNote: 'Corrected by form.', acceptCorrections: x.correction }),
		foreign: true
	}),
	form(`${meetingPage}/minutes/edit`, 'decline', 'minutes.write', {
		n: 'closed',
		body: (x) => ({ correctionId: x.correction, reason: 'Not a correction of fact.' }),
		foreign: true
	}),
	...(
		[
			['approve', 'question.moderate', {}],
			['reject', 'question.moderate', { reason: 'off_topic' }],
			['merge', 'question.moderate', {}],
			['pin', 'question.moderate', {}],
			['status', 'question.answer', { status: 'answered', summary: 'Answered in full.' }],
			['restore', 'question.moderate', {}],
			['undoStatus', 'question.answer', {}]
		] as const
	).map(([action, needs, body]) =>
		form(`${meetingPage}/moderate`, action, needs, {
			n: 'live',
			body: (x) => ({
				questionId: x.question,
				...(action === 'merge' ? { intoId: x.otherQuestion } : {}),
				...body
			}),
			foreign: true
		})
	),
	...(
		[
			['unpin', {}],
			['settings', { mode: 'open', questionCap: '3' }],
			['participation', { participation: 'open' }],
			['roomCode', {}],
			['floor', { text: 'Asked from the floor.' }]
		] as const
	).map(([action, body]) =>
		form(`${meetingPage}/moderate`, action, 'question.moderate', { n: 'live', body })
	),
	form('/g/[group]/meetings/new', 'default', 'meeting.manage', { body: newMeeting }),
	form('/g/[group]/membership', 'opening', 'membership.open', {
		body: { open: 'true', reason: 'Open again for new members.' }
	}),
	form('/g/[group]/membership', 'addCategory', 'membership.categories', {
		body: { name: 'Tenants' }
	}),
	form('/g/[group]/membership', 'retireCategory', 'membership.categories', {
		body: (x) => ({ id: x.category }),
		foreign: true
	}),
	form('/g/[group]/officers', 'appoint', 'officer.appoint.secretary', {
		body: { email: 'nobody@matrix.test', role: 'secretary' }
	}),
	form('/g/[group]/officers', 'end', 'officerRemover', {
		body: (x) => ({ id: x.appointment }),
		foreign: true
	}),
	form('/g/[group]/officers', 'appeals', 'appeals.set', { body: { appealsBy: 'vice_chair' } }),
	form('/g/[group]/officers', 'motionRules', 'motion.rules', {
		body: { quorum: 'two_thirds', majority: 'two_thirds' }
	}),
	form('/g/[group]/officers', 'speakingTurn', 'speakers.settings', { body: { seconds: '200' } }),
	form('/join', 'default', 'anyone', { body: wrongCode }),
	form('/login', 'default', 'anyone', { body: nobodysLogin }),
	form('/logout', 'default', 'anyone', { last: 2 }),
	form('/signup', 'default', 'anyone', { body: badSignup }),

	// Pages that ask who is visiting; and a draft meeting's pages, which only its officers see.
	page('/account', 'signedIn'),
	page('/account/export', 'signedIn'),
	page('/admin', 'siteAdmin'),
	page('/admin/audit', 'siteAdmin'),
	page('/g/[group]/audit', 'audit.read'),
	page('/g/[group]/applications/[id]/representatives', ['applicant', 'application.review'], {
		id: 'pending',
		foreign: true
	}),
	page(`${meetingPage}/agenda`, 'meeting.manage'),
	page(`${meetingPage}/attendance`, 'attendance.record'),
	page(`${meetingPage}/edit`, 'meeting.manage'),
	page(`${meetingPage}/items/[item]`, 'meeting.manage', { foreign: true }),
	page(`${meetingPage}/minutes/edit`, 'minutes.write', { n: 'closed' }),
	page(`${meetingPage}/moderate`, 'question.moderate', { n: 'live' }),
	page('/g/[group]/meetings/new', 'meeting.manage'),
	page('/g/[group]/membership', ['membership.open', 'membership.categories']),
	page(meetingPage, 'meeting.manage', { variant: 'draft', n: 'draft' }),
	page(`${meetingPage}/live`, 'meeting.manage', { variant: 'draft', n: 'draft' }),

	// A public page with private parts: an application's contact for its officers and applicant,
	// the officers' notes for them alone.
	page('/g/[group]/applications/[id]', ['application.review', 'applicant'], {
		variant: 'its contact',
		id: 'pending',
		secret: secrets.contact,
		foreign: true
	}),
	page('/g/[group]/applications/[id]', 'application.review', {
		variant: 'the private notes',
		id: 'pending',
		secret: secrets.note,
		foreign: true
	}),

	// The other endpoints: feeds, calendars, a paper's download, the language switch.
	page('/g/[group]/feed.xml', 'anyone'),
	page('/g/[group]/meetings.ics', 'anyone'),
	page('/g/[group]/meetings/[n=integer].ics', 'anyone'),
	// The public calendar never lists a draft, whoever asks.
	page('/g/[group]/meetings/[n=integer].ics', 'nobody', { variant: 'draft', n: 'draft' }),
	page(`${meetingPage}/documents/[document]`, 'anyone', { foreign: true }),
	page(`${meetingPage}/documents/[document]`, 'meeting.manage', {
		variant: 'draft',
		n: 'draft',
		foreign: true
	}),
	page('/healthz', 'anyone'),
	// RFC 8058's one-click POST: a made-up token unsubscribes nobody.
	page('/notifications/[token]/unsubscribe', 'nobody', { query: '?topic=minutes' }, 'POST'),
	page('/language', 'anyone', { body: { lang: 'en', redirectTo: '/' } }, 'POST'),

	// Socket requests, each sent after joining the live meeting (A's; B's with A's ids).
	socket('session:whoami', 'anyone'),
	socket('meeting:join', 'anyone', { body: (x) => ({ group: x.slug, meeting: x.meeting.live }) }),
	socket('meeting:join', 'meeting.manage', {
		variant: 'draft',
		body: (x) => ({ group: x.slug, meeting: x.meeting.draft })
	}),
	socket('question:ask', 'anyone', { body: { text: 'Asked over the socket?', anonymous: true } }),
	socket('question:ask', 'anyone', {
		variant: "on A's agenda item",
		body: (x) => ({ text: 'About this item, live?', anonymous: true, agendaItemId: x.item.live }),
		foreign: true
	}),
	...(
		[
			['question:vote', 'anyone', { up: true }],
			['question:rate', 'anyone', { verdict: 'answered' }],
			['question:moderate', 'question.moderate', { action: 'pin' }],
			['question:restore', 'question.moderate', {}]
		] as const
	).map(([event, needs, body]) =>
		socket(event, needs, { body: (x) => ({ questionId: x.question, ...body }), foreign: true })
	),
	socket('motion:vote', 'representative', {
		body: (x) => ({ motion: x.motion.voting, vote: 'for' }),
		foreign: true
	}),
	socket('question:withdraw', 'asker', {
		body: (x) => ({ questionId: x.ownQuestion }),
		foreign: true
	}),
	socket('speaker:request', 'signedIn', { body: {} }),
	socket('speaker:withdraw', 'speaker', {
		body: (x) => ({ requestId: x.speaker }),
		foreign: true
	}),
	...(
		[
			['speaker:floor', {}],
			['speaker:end', {}],
			['speaker:move', { position: 1 }],
			['speaker:time', { seconds: 120 }]
		] as const
	).map(([event, body]) =>
		socket(event, 'speakers.chair', {
			body: (x) => ({ requestId: x.speaker, ...body }),
			foreign: true
		})
	),
	socket('agenda:current', 'speakers.chair', {
		body: (x) => ({ agendaItemId: x.item.live }),
		foreign: true
	})
];

type Expected = 'allowed' | 'refused' | 'foreign';

/** Whether the answer is the expected one: through A's door, refused; A's ids in B's address: no success. */
function meets(expected: Expected, answer: Answer) {
	if (answer.verdict === 'broken') return false;
	if (expected === 'allowed') return answer.verdict === 'in';
	if (expected === 'refused') return answer.verdict === 'out';
	return !answer.success;
}

const isPermission = (c: string): c is Permission => c in permissions;
const mayPass = (role: Role, needs: Door['needs']) =>
	needs !== 'nobody' && [needs].flat().some((c) => holds[role].includes(c));

type Pair = { role: Role; door: Door; foreign: boolean; expected: Expected };

/** Every role at every door; a door naming A's records also with A's ids in B's address. */
const pairs: Pair[] = doors.flatMap((door) =>
	roles.flatMap((role) => {
		const expected: Expected = mayPass(role, door.needs) ? 'allowed' : 'refused';
		const tried: Pair[] = door.foreignOnly ? [] : [{ role, door, foreign: false, expected }];
		if (door.foreign || door.foreignOnly) {
			tried.push({ role, door, foreign: true, expected: 'foreign' });
		}
		return tried;
	})
);

const label = ({ role, door, foreign }: Pair) =>
	`${role} at ${door.key}${door.variant ? ` (${door.variant})` : ''}${foreign ? " with A's ids in B's address" : ''}`;

describe('the permission matrix table', () => {
	it("holds, for each officer, exactly the app's own permissions", () => {
		for (const role of roles) {
			const model = modelRole[role];
			const granted = Object.entries(permissions)
				.filter(([, who]) => model !== undefined && (who as readonly string[]).includes(model))
				.map(([permission]) => permission)
				.sort();
			expect(holds[role].filter(isPermission).sort(), role).toEqual(granted);
		}
		// Every permission of the model is what some door needs.
		const needed = new Set(doors.flatMap((d) => (d.needs === 'nobody' ? [] : [d.needs].flat())));
		expect(Object.keys(permissions).filter((p) => !needed.has(p as Permission))).toEqual([]);
	});

	it('classifies every door found in the source, and no door that is gone', () => {
		const found = everyDoor();
		const classified = new Set(doors.map((d) => d.key));
		expect(
			found.filter((door) => !classified.has(door)),
			'doors the matrix does not classify: add them to `doors`'
		).toEqual([]);
		// A variant may be of a page that asks nobody (a draft meeting's): that page must exist.
		const pages = new Set(pageRoutes().map((route) => `GET ${route}`));
		const gone = [...classified].filter((door) => !found.includes(door) && !pages.has(door));
		expect(gone, 'doors in the matrix that the source no longer has').toEqual([]);
		const plain = doors.filter((d) => !d.variant).map((d) => d.key);
		expect(plain.length, 'a door classified twice').toBe(new Set(plain).size);
		expect(found.length).toBeGreaterThan(150);
	});

	it("addresses each door by an address of that door's route", () => {
		const stand = 'a'.repeat(8);
		const byStage = { closed: 1, live: 2, scheduled: 3, draft: 4 };
		const x = new Proxy({} as Ids, {
			get: (_, key) =>
				key === 'meeting'
					? byStage
					: key === 'invitation'
						? { token: stand, id: stand }
						: key === 'item' || key === 'document' || key === 'pdf'
							? { closed: stand, live: stand, scheduled: stand, draft: stand }
							: key === 'checkpoint'
								? 7
								: key === 'motion'
									? { proposed: 1, scheduled: 2, voting: 3 }
									: stand
		});
		for (const door of doors) {
			const request = door.request(x);
			if (request.kind === 'socket') continue;
			const route = door.key.startsWith('/') ? door.key.split(' ?/')[0] : door.key.split(' ')[1];
			expect(request.path.split('?')[0], door.key).toMatch(routePattern(route));
		}
	});
});

/** The app's environment: each browser's address is its own (x-forwarded-for). */
const appEnv = { ADDRESS_HEADER: 'x-forwarded-for' };

for (const kind of databaseKinds) {
	describe(`every role at every door, on the built app [${kind}]`, () => {
		let app: RunningApp;
		let clients: Record<Role, Client>;
		let a: Ids;
		/** A's ids in B's address (B's meetings have A's numbers). */
		let foreign: Ids;
		let before: Record<string, string>;
		const sockets = new Map<Role, Socket>();
		const figures = { refused: 0, foreign: 0, allowed: 0, ms: 0 };
		const answers = new Map<string, number>();

		/** Reads the database: beside the app (PostgreSQL), or with the app stopped (PGlite). */
		async function onDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
			if (kind === 'postgres') {
				const handle = await openPostgres(app.env.DATABASE_URL, { max: 1 });
				try {
					return await work(handle);
				} finally {
					await handle.close();
				}
			}
			closeSockets();
			await app.stop();
			const handle = await openPglite(app.dataDir);
			try {
				return await work(handle);
			} finally {
				await handle.close();
				app = await startApp({ dataDir: app.dataDir, port: app.port, env: appEnv });
			}
		}

		function closeSockets() {
			for (const socket of sockets.values()) socket.disconnect();
			sockets.clear();
		}

		async function socketOf(role: Role) {
			const open = sockets.get(role);
			if (open?.connected) return open;
			const cookie = [...clients[role].cookies].map(([k, v]) => `${k}=${v}`).join('; ');
			const socket = connect(`${app.url}/live`, {
				transports: ['websocket'],
				extraHeaders: { cookie },
				reconnection: false,
				forceNew: true
			});
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', () => resolve());
				socket.once('connect_error', reject);
			});
			sockets.set(role, socket);
			return socket;
		}

		async function attempt(role: Role, request: Request): Promise<Answer> {
			const client = clients[role];
			const origin = { origin: app.url };
			switch (request.kind) {
				case 'api': {
					const headers = request.method === 'GET' ? {} : origin;
					const r = await client.request(request.method, request.path, request.body, headers);
					return reveals(readApi(r.status, r.json), r.text, request.secret);
				}
				case 'form': {
					const url =
						request.action === 'default' ? request.path : `${request.path}?/${request.action}`;
					const r = await client.request('POST', url, formOf(request.fields), {
						...origin,
						accept: 'application/json',
						'x-sveltekit-action': 'true'
					});
					return readForm(r.status, r.json);
				}
				case 'page': {
					const r = request.fields
						? await client.request(
								request.method ?? 'POST',
								request.path,
								formOf(request.fields),
								origin
							)
						: await client.get(request.path);
					return reveals(readPage(r.status, r.headers.get('location')), r.text, request.secret);
				}
				case 'socket': {
					const socket = await socketOf(role);
					if (request.event !== 'meeting:join') {
						const joined = await socket.timeout(10_000).emitWithAck('meeting:join', request.join);
						if (!joined.ok) {
							const summary = `joining ${JSON.stringify(request.join)}: ${joined.error.code}`;
							return { verdict: 'broken', success: false, summary };
						}
					}
					return readAck(await socket.timeout(10_000).emitWithAck(request.event, request.payload));
				}
			}
		}

		/**
		 * Tries the pairs, each role's in order and the roles side by side (as eight browsers
		 * would); returns what went wrong.
		 */
		async function tryPairs(list: Pair[]) {
			const problems: string[] = [];
			await Promise.all(
				roles.map(async (role) => {
					for (const pair of list.filter((p) => p.role === role)) {
						const answer = await attempt(role, pair.door.request(pair.foreign ? foreign : a));
						// What came back, for the figures printed at the end (addresses left out).
						const seen = `${pair.expected}: ${answer.verdict} ${answer.summary.replace(/ \/\S*/g, '')}`;
						answers.set(seen, (answers.get(seen) ?? 0) + 1);
						if (!meets(pair.expected, answer)) {
							problems.push(`${label(pair)}: expected ${pair.expected}, got ${answer.summary}`);
						}
					}
				})
			);
			return problems;
		}

		beforeAll(async () => {
			const started = Date.now();
			app = await startAppOn(kind, appEnv);
			const seeded = await seedMatrix(app);
			clients = seeded.clients;
			a = seeded.a;
			foreign = { ...seeded.a, slug: seeded.b.slug };
			// Checkpoints are signed now (the app signs due ones on a timer, which would then find
			// none due): the fingerprint taken after the refused writes must differ in nothing.
			before = await onDatabase(async (handle) => {
				await signDueCheckpoints(handle.db);
				const [queued] = await handle.db.select({ id: mailOutbox.id }).from(mailOutbox).limit(1);
				a.mail = queued.id;
				return fingerprint(handle);
			});
			const latest = async (slug: string) =>
				(await expectStatus(clients.member.get(`/api/v1/groups/${slug}/checkpoints/latest`), 200))
					.json.size as number;
			a.checkpoint = await latest(a.slug);
			foreign.checkpoint = await latest(seeded.b.slug);
			figures.ms += Date.now() - started;
			console.log(`[${kind}] seeded in ${Date.now() - started} ms`);
		}, 120_000);

		afterAll(async () => {
			closeSockets();
			await app?.stop();
			console.log(
				`[${kind}] permission matrix: ${figures.refused + figures.foreign + figures.allowed} role×door pairs ` +
					`(${figures.refused} refused, ${figures.foreign} with A's ids in B's address, ${figures.allowed} allowed) in ${figures.ms} ms`,
				Object.fromEntries([...answers].sort())
			);
		});

		it("refuses each role every door it holds no permission for, and A's ids through B's address, leaving no trace", async () => {
			const started = Date.now();
			const list = pairs.filter((pair) => pair.expected !== 'allowed');
			figures.refused = list.filter((pair) => pair.expected === 'refused').length;
			figures.foreign = list.length - figures.refused;
			const problems = await tryPairs(list);
			closeSockets();
			const after = await onDatabase(fingerprint);
			figures.ms += Date.now() - started;
			expect.soft(problems).toEqual([]);
			const changed = Object.keys({ ...before, ...after })
				.filter((table) => after[table] !== before[table])
				.map((table) => `${table}: ${before[table]} → ${after[table]}`);
			expect(changed, 'tables the refused requests changed').toEqual([]);
			expect(app.output()).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
		}, 120_000);

		it('lets each role through every door it holds the permission for', async () => {
			const started = Date.now();
			// Side by side too: no door here takes another role's power or record away (a removal
			// or a deletion is tried where it ends in a conflict), so the order across roles is free.
			const list = pairs
				.filter((pair) => pair.expected === 'allowed')
				.sort((x, y) => (x.door.last ?? 0) - (y.door.last ?? 0));
			figures.allowed = list.length;
			const problems = await tryPairs(list);
			closeSockets();
			figures.ms += Date.now() - started;
			expect(problems).toEqual([]);
			expect(app.output()).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
		}, 120_000);
	});
}
