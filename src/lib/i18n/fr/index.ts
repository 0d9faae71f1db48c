import type { Messages } from '..';
import { common } from './common';
import { accounts } from './accounts';
import { groups } from './groups';
import { membership } from './membership';
import { meetings } from './meetings';
import { questions } from './questions';
import { minutes } from './minutes';
import { ledger } from './ledger';
import { search } from './search';
import { officers } from './officers';
import { decisionLog } from './decision-log';
import { words } from './words';
import { moderationConsole } from './console';
import { room } from './room';
import { audit } from './audit';
import { mail } from './mail';
import { representatives } from './representatives';
import { notifications } from './notifications';
import { help } from './help';
import { motions } from './motions';
import { written } from './written';
import { speakers } from './speakers';

/** French. The type makes a missing translation a compile error. */
export const fr: Messages = {
	...common,
	...accounts,
	...groups,
	...membership,
	...meetings,
	...questions,
	...minutes,
	...ledger,
	...search,
	...officers,
	...decisionLog,
	...words,
	...moderationConsole,
	...room,
	...audit,
	...mail,
	...representatives,
	...notifications,
	...help,
	...motions,
	...written,
	...speakers
};
