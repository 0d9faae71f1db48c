import type { Messages } from '..';
import { common } from './common';
import { accounts } from './accounts';
import { groups } from './groups';

/** Arabic (right to left). The type makes a missing translation a compile error. */
export const ar: Messages = { ...common, ...accounts, ...groups };
