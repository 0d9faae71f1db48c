import type { MessageKey } from '$lib/i18n';
import type { Application, ApplicationStatus } from '../db/schema';

/**
 * The life of an application, as pure rules: submitted → under_review → accepted | refused;
 * withdrawn by the applicant before a decision; a refusal appealed once, decided by the chair.
 */
export type ApplicationState = Pick<Application, 'status' | 'appealStatus'>;

/** Statuses before a decision: the application is still open. */
export const openStatuses = ['submitted', 'under_review'] as const satisfies ApplicationStatus[];

export type Transition = 'review' | 'withdraw' | 'decide' | 'appeal' | 'decideAppeal';

export function isOpen(app: ApplicationState) {
	return (openStatuses as readonly string[]).includes(app.status);
}

export function mayMove(app: ApplicationState, transition: Transition): boolean {
	switch (transition) {
		case 'review':
			return app.status === 'submitted';
		case 'withdraw':
		case 'decide':
			return isOpen(app);
		case 'appeal':
			return app.status === 'refused' && app.appealStatus === null;
		case 'decideAppeal':
			return app.appealStatus === 'pending';
	}
}

/** Why a transition is refused, for a clear message (undefined when it is allowed). */
export function whyNot(app: ApplicationState, transition: Transition): MessageKey | undefined {
	if (mayMove(app, transition)) return undefined;
	if (app.status === 'withdrawn') return 'application.conflict.withdrawn';
	switch (transition) {
		case 'review':
			return isOpen(app) ? 'application.conflict.in_review' : 'application.conflict.decided';
		case 'withdraw':
		case 'decide':
			return 'application.conflict.decided';
		case 'appeal':
			if (app.appealStatus !== null) return 'application.conflict.appealed';
			return 'application.conflict.not_refused';
		case 'decideAppeal':
			return app.appealStatus === null
				? 'application.conflict.no_appeal'
				: 'application.conflict.appeal_decided';
	}
}

/** The statuses from which a transition may start: the `where` of its conditional update. */
export function fromStatuses(transition: Transition): ApplicationStatus[] {
	switch (transition) {
		case 'review':
			return ['submitted'];
		case 'withdraw':
		case 'decide':
			return [...openStatuses];
		case 'appeal':
		case 'decideAppeal':
			return ['refused'];
	}
}

/** One spelling per organisation name: "one open application per organisation" compares these. */
export function organisationKey(name: string) {
	return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The median of some numbers (undefined for none). */
export function median(values: number[]): number | undefined {
	if (!values.length) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
