#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (dist/bundle, made by `npm run build`, which the prepare script
// runs on install). Each command's code is a chunk loaded only when that command runs.
if (process.env.DRYDOCK_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/bundle/drydock.js');

process.exitCode = await main(process.argv.slice(2));
