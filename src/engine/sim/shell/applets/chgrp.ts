// busybox chgrp: a group by name (/etc/group) or number, -R, -h.

import type { Applet } from './lib/common.js';
import { chownLike } from './lib/owner.js';

/** `chgrp [-RhLHPcvf] GROUP FILE...` */
export const chgrp: Applet = chownLike('chgrp');
