import type { minutes as en } from '../en/minutes';

export const minutes: Record<keyof typeof en, string> = {};
