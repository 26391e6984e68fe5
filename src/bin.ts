import { cli } from './cli.js';

await cli();
