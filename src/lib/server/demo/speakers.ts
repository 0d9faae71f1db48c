import type { Database } from '../db';
import type { Meeting } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { listAgenda } from '../meetings/agenda';
import { askToSpeak } from '../speakers/requests';
import { endTurn, giveFloor, setCurrentItem } from '../speakers/chair';
import { representativeOf } from './people';

const minute = 60_000;

/**
 * The speakers' list at the last meeting held: the chair takes two agenda items in turn, and
 * member organisations' representatives speak on them, named as each chose (by name, by
 * organisation, or as an attendee). Five turns; the record and the minutes draft show them.
 */
export async function loadSpeakersDemo(
	db: Database,
	officers: { chair: SessionUser },
	groupSlug: string,
	meeting: Meeting,
	members: { id: string; present: boolean }[]
) {
	const at = (minutes: number) => ({
		now: new Date(meeting.startsAt.getTime() + minutes * minute)
	});
	const chair = { user: officers.chair };
	const n = meeting.number;
	const items = (await listAgenda(db, meeting.id)).slice(1, 3);
	const present = [];
	for (const member of members.filter((m) => m.present)) {
		const user = await representativeOf(db, member.id);
		if (user) present.push({ user, membershipId: member.id });
	}
	if (items.length < 2 || present.length < 3) return;
	const [one, two, three] = present;
	const turns = [
		// item, speaker, how they are named, minute asked, seconds spoken
		[0, one, 'name', 12, 190],
		[0, two, 'organisation', 13, 160],
		[0, three, 'attendee', 14, 95],
		[1, three, 'organisation', 32, 120],
		[1, one, 'name', 33, 90]
	] as const;
	let clock: number;
	for (const [index, item] of items.entries()) {
		const start = index === 0 ? 10 : 30;
		await setCurrentItem(db, chair, groupSlug, n, { agendaItemId: item.id }, at(start));
		clock = start + 5;
		for (const [on, speaker, shownAs, asked, seconds] of turns) {
			if (on !== index) continue;
			const request = await askToSpeak(
				db,
				{ user: speaker.user },
				groupSlug,
				n,
				{ shownAs, membershipId: speaker.membershipId },
				at(asked)
			);
			await giveFloor(db, chair, groupSlug, n, { requestId: request.id }, at(clock));
			clock += seconds / 60;
			await endTurn(db, chair, groupSlug, n, {}, at(clock));
			clock += 0.5;
		}
	}
}
