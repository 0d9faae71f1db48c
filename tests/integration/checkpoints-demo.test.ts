import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { loadDemo, demoGroupSlug } from '$lib/server/demo/load-demo';
import { getGroup } from '$lib/server/groups/groups';
import { listDecisions } from '$lib/server/decision-log/log';
import {
	checkExtension,
	checkpointSignatureHolds,
	publicKeyFrom
} from '$lib/server/decision-log/checkpoint';
import { listCheckpoints } from '$lib/server/decision-log/checkpoints';
import { logPublicKey } from '$lib/server/decision-log/signing-key';

describeOnEachDatabase('the demo’s signed checkpoints', (handle) => {
	it('signs at every publication and at the head, countersigned by two members, loaded once', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const entries = await listDecisions(db, group.id);
		const { items } = await listCheckpoints(db, group, { limit: 100 });
		// Four publications of minutes (three first versions, one amendment), then the head.
		expect(items).toHaveLength(5);
		const [latest] = items;
		expect(latest).toMatchObject({
			group: demoGroupSlug,
			size: entries.length,
			head: entries.at(-1)!.hash
		});
		expect(latest.countersignatures.map((c) => c.organisation)).toHaveLength(2);
		expect(items.slice(1).every((c) => c.countersignatures.length === 0)).toBe(true);
		const key = publicKeyFrom(JSON.stringify(logPublicKey()));
		expect(items.every((c) => checkpointSignatureHolds(c, key))).toBe(true);
		expect(checkExtension(entries, items)).toEqual({ ok: true, size: entries.length });

		expect(await loadDemo(db)).toBe('The demo is already loaded.');
		expect((await listCheckpoints(db, group, { limit: 100 })).items).toHaveLength(5);
	});
});
