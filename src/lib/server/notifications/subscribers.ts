import { and, asc, eq, gt, isNull, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { follows, groups, subscribers, users, type Subscriber } from '../db/schema';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { followByEmailSchema, preferencesSchema, topics } from '$lib/schemas/notifications';
import type { Delivery, Topic } from '$lib/schemas/notifications';
import { isLocale, type Locale } from '$lib/i18n';
import { publicOrigin } from '../config';
import { composeMail } from '../mail/compose';
import { announceMail, enqueueMail } from '../mail/outbox';
import { consume, limits } from '../rate-limit';
import { getGroup } from '../groups/groups';
import { generateToken, hashToken } from '../auth/token';
import { requireUser, type Actor } from '../auth/authorise';
import { deliveryOf } from './kinds';
import { subscriberOfToken } from './links';

/** How long an address-only follower's opt-in link works. */
const optInLifetimeMs = 48 * 60 * 60 * 1000;

/** The one answer to an opt-in or settings link that is unknown, altered, used or expired. */
const linkNotValid = () => notFound('link.not_valid');

/** The account's subscriber row, made the first time it is needed. */
export async function subscriberOfUser(tx: Executor, userId: string): Promise<Subscriber> {
	await tx.insert(subscribers).values({ userId }).onConflictDoNothing();
	const [row] = await tx.select().from(subscribers).where(eq(subscribers.userId, userId));
	return row;
}

/**
 * A signed-in person follows a group. They are told of nothing until their address is
 * confirmed (`emailConfirmed` says whether it is: the page tells them).
 */
export async function followAsAccount(db: Database, actor: Actor, groupSlug: string) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	await db.transaction(async (tx) => {
		const subscriber = await subscriberOfUser(tx, user.id);
		await tx
			.insert(follows)
			.values({ subscriberId: subscriber.id, groupId: group.id, confirmedAt: new Date() })
			.onConflictDoNothing();
	});
	return { following: true, emailConfirmed: user.emailConfirmed };
}

/** A signed-in person stops following a group. */
export async function unfollowAsAccount(db: Database, actor: Actor, groupSlug: string) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	await db.execute(sql`delete from follows where group_id = ${group.id}
		and subscriber_id = (select id from subscribers where user_id = ${user.id})`);
	return { following: false };
}

/** Whether this account follows the group (for the page's button). */
export async function isFollowing(db: Executor, userId: string, groupId: string) {
	const [row] = await db
		.select({ groupId: follows.groupId })
		.from(follows)
		.innerJoin(subscribers, eq(follows.subscriberId, subscribers.id))
		.where(and(eq(subscribers.userId, userId), eq(follows.groupId, groupId)));
	return row !== undefined;
}

/**
 * Someone follows a group with an address alone. The answer is the same whatever the address's
 * state (unknown, waiting, already following), so no one learns who follows what; an address
 * not yet confirmed is sent a link (48 h; only the newest works) and told of nothing until it is
 * followed. Limited per client and per address, so no mailbox can be flooded with links.
 */
export async function followByEmail(
	db: Database,
	groupSlug: string,
	input: unknown,
	clientKey: string,
	locale: Locale
) {
	const { email } = parseInput(followByEmailSchema, input);
	const group = await getGroup(db, groupSlug);
	await consume(db, limits.followPerClient, clientKey);
	await consume(db, limits.followPerAddress, email);
	const mailed = await db.transaction(async (tx) => {
		await tx.insert(subscribers).values({ email, locale }).onConflictDoNothing();
		const [subscriber] = await tx
			.select()
			.from(subscribers)
			.where(eq(subscribers.email, email))
			.for('update');
		await tx
			.insert(follows)
			.values({ subscriberId: subscriber.id, groupId: group.id })
			.onConflictDoNothing();
		const [follow] = await tx
			.select({ confirmedAt: follows.confirmedAt })
			.from(follows)
			.where(and(eq(follows.subscriberId, subscriber.id), eq(follows.groupId, group.id)));
		if (follow.confirmedAt) return false;
		const token = generateToken();
		await tx
			.update(subscribers)
			.set({
				confirmTokenHash: hashToken(token),
				confirmExpiresAt: new Date(Date.now() + optInLifetimeMs)
			})
			.where(eq(subscribers.id, subscriber.id));
		const url = `${publicOrigin()}/follow/${token}`;
		const mailLocale = isLocale(subscriber.locale) ? subscriber.locale : locale;
		await enqueueMail(tx, {
			kind: 'follow.confirm',
			to: email,
			forgetBody: true,
			...composeMail(mailLocale, { key: 'follow.mail.subject', params: { group: group.name } }, [
				[{ key: 'follow.mail.body', params: { group: group.name } }],
				[{ key: 'follow.mail.link', params: { url }, link: 'url' }],
				[{ key: 'follow.mail.expires' }],
				[{ key: 'follow.mail.not_you' }]
			])
		});
		return true;
	});
	if (mailed) announceMail();
}

/** The address an opt-in link would confirm (for its page), or null. Changes nothing. */
export async function peekOptIn(db: Executor, token: string) {
	const [row] = await db
		.select({ email: subscribers.email })
		.from(subscribers)
		.where(
			and(
				eq(subscribers.confirmTokenHash, hashToken(token)),
				gt(subscribers.confirmExpiresAt, new Date())
			)
		);
	return row?.email ?? null;
}

/**
 * Follows an opt-in link: the address is proved, and the groups it asked to follow (every one
 * waiting) start telling it what it chose. Works once. Returns the subscriber, for its settings.
 */
export async function confirmOptIn(db: Database, token: string) {
	return db.transaction(async (tx) => {
		const now = new Date();
		const [row] = await tx
			.update(subscribers)
			.set({ confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
			.where(
				and(
					eq(subscribers.confirmTokenHash, hashToken(token)),
					gt(subscribers.confirmExpiresAt, now)
				)
			)
			.returning();
		if (!row) throw linkNotValid();
		await tx
			.update(follows)
			.set({ confirmedAt: now })
			.where(and(eq(follows.subscriberId, row.id), isNull(follows.confirmedAt)));
		return row;
	});
}

export type SubscriberSettings = {
	subscriberId: string;
	email: string | null;
	/** Whether messages can reach them: a confirmed account address, or a followed opt-in. */
	active: boolean;
	choices: Record<Topic, Delivery>;
	groups: { id: string; slug: string; name: string }[];
};

/** What a subscriber receives and which groups they follow: their settings page. */
export async function settingsOf(
	db: Executor,
	subscriber: Subscriber
): Promise<SubscriberSettings> {
	const [account] = subscriber.userId
		? await db
				.select({ email: users.email, confirmed: users.emailConfirmedAt })
				.from(users)
				.where(eq(users.id, subscriber.userId))
		: [];
	const followed = await db
		.select({ id: groups.id, slug: groups.slug, name: groups.name })
		.from(follows)
		.innerJoin(groups, eq(follows.groupId, groups.id))
		.where(and(eq(follows.subscriberId, subscriber.id), isNotNull(follows.confirmedAt)))
		.orderBy(asc(groups.name));
	return {
		subscriberId: subscriber.id,
		email: account?.email ?? subscriber.email,
		active: account ? account.confirmed !== null : subscriber.confirmedAt !== null,
		choices: Object.fromEntries(
			topics.map((topic) => [topic, deliveryOf(subscriber.preferences, topic)])
		) as Record<Topic, Delivery>,
		groups: followed
	};
}

/** The subscriber a settings link names; an altered or stale link is refused. */
export async function subscriberByToken(db: Executor, token: string): Promise<Subscriber> {
	const id = subscriberOfToken(token);
	const [row] = id ? await db.select().from(subscribers).where(eq(subscribers.id, id)) : [];
	if (!row) throw linkNotValid();
	return row;
}

/** Changes how a subscriber takes each topic named in `input`. */
export async function choose(db: Executor, subscriber: Subscriber, input: unknown) {
	const data = parseInput(preferencesSchema, input);
	const chosen = Object.fromEntries(
		Object.entries(data).filter((entry): entry is [Topic, Delivery] => entry[1] !== undefined)
	);
	await db
		.update(subscribers)
		.set({ preferences: sql`${subscribers.preferences} || ${JSON.stringify(chosen)}::jsonb` })
		.where(eq(subscribers.id, subscriber.id));
}

/**
 * The one-click unsubscribe (RFC 8058) and the settings page's "stop": one topic off, or every
 * topic taken weekly (`digest`), or everything (`all`: every topic off and no group followed;
 * an address-only follower is forgotten altogether).
 */
export async function unsubscribe(db: Database, subscriber: Subscriber, what: string) {
	if (what === 'all') {
		if (subscriber.email !== null) {
			await db.delete(subscribers).where(eq(subscribers.id, subscriber.id));
			return;
		}
		await db.transaction(async (tx) => {
			await tx.delete(follows).where(eq(follows.subscriberId, subscriber.id));
			await tx
				.update(subscribers)
				.set({ preferences: Object.fromEntries(topics.map((t) => [t, 'off' as const])) })
				.where(eq(subscribers.id, subscriber.id));
		});
		return;
	}
	const off =
		what === 'digest'
			? topics.filter((t) => deliveryOf(subscriber.preferences, t) === 'digest')
			: topics.filter((t) => t === what);
	if (off.length === 0) throw notFound('link.not_valid');
	await choose(db, subscriber, Object.fromEntries(off.map((t) => [t, 'off'])));
}

/** What an unsubscribe link may name: one topic, or the weekly digest; else null. */
export function unsubscribeTopic(value: string | null): string | null {
	return value !== null && ((topics as readonly string[]).includes(value) || value === 'digest')
		? value
		: null;
}

/**
 * An email's unsubscribe link followed (its page's button, or RFC 8058's one-click POST): the
 * topic it names turned off for the subscriber its token names. Anything altered does nothing.
 */
export async function unsubscribeByLink(db: Database, token: string, topic: string | null) {
	const named = unsubscribeTopic(topic);
	if (!named) throw linkNotValid();
	await unsubscribe(db, await subscriberByToken(db, token), named);
}

/** A follower stops following one group from their settings page. */
export async function unfollowGroup(db: Executor, subscriber: Subscriber, groupSlug: string) {
	const group = await getGroup(db, groupSlug);
	await db
		.delete(follows)
		.where(and(eq(follows.subscriberId, subscriber.id), eq(follows.groupId, group.id)));
}
