import { common } from './common';
import { accounts } from './accounts';
import { groups } from './groups';

/** English, the reference language: every other language must translate every key. */
export const en = { ...common, ...accounts, ...groups };
