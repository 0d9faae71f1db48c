import { common } from './common';
import { accounts } from './accounts';
import { groups } from './groups';
import { membership } from './membership';
import { meetings } from './meetings';
import { questions } from './questions';

/** English, the reference language: every other language must translate every key. */
export const en = { ...common, ...accounts, ...groups, ...membership, ...meetings, ...questions };
