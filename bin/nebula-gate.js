#!/usr/bin/env node
// The committed bundle, so `npx nebula-gate` needs no build step.
import '../dist/cli/index.js';
