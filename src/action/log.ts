/**
 * The action's `Log`: the runner's log through @actions/core. Every message is neutralised here, once, whoever
 * wrote it: a message may carry a phase name, a file name or a tool's words from the PR (R2.4).
 */
import * as core from '@actions/core';
import type { Log } from '../model/log.js';
import { neutraliseCommands } from '../text/commands.js';

export const coreLog: Log = {
  info: (m) => core.info(neutraliseCommands(m)),
  notice: (m) => core.notice(neutraliseCommands(m)),
  warning: (m) => core.warning(neutraliseCommands(m)),
};
