/** The action's `Log`: the runner's log through @actions/core. */
import * as core from '@actions/core';
import type { Log } from '../model/log.js';

export const coreLog: Log = {
  info: (m) => core.info(m),
  notice: (m) => core.notice(m),
  warning: (m) => core.warning(m),
};
