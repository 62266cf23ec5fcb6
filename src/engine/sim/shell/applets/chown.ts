// busybox chown: USER[:GROUP] by name (/etc/passwd, /etc/group) or number, -R, -h.

import { chownLike } from './lib/owner.js';

/** chown, chgrp. */
export const chown = chownLike('chown');
