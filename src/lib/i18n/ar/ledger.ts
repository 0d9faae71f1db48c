import type { ledger as en } from '../en/ledger';

export const ledger: Record<keyof typeof en, string> = {};
