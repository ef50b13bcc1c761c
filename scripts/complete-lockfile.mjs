#!/usr/bin/env node
/**
 * Completes package-lock.json with entries for the other platforms' optional native packages
 * (@duckdb/node-bindings-*, @napi-rs/canvas-*, …).
 *
 * Why: when the registry an install runs against serves only this platform's binaries, `npm install` leaves the
 * other platforms' optional packages out of the lock file, and `npm ci` then refuses the lock as out of sync.
 * Each added entry names the platform it is for (os, cpu), so npm skips it on every other machine without
 * fetching it. Run after `npm install` changes dependencies: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;

function platformOf(name) {
  const n = name.split('/').pop();
  const os = ['darwin', 'win32', 'android', 'freebsd'].find((o) => n.includes(o)) ?? 'linux';
  const cpu = n.includes('arm64') ? 'arm64' : /-arm(-|$)/.test(n) ? 'arm' : n.includes('riscv64') ? 'riscv64' : n.includes('ia32') ? 'ia32' : 'x64';
  const libc = os === 'linux' ? (n.includes('musl') ? 'musl' : 'glibc') : undefined;
  return { os, cpu, libc };
}

const added = [];
for (const info of Object.values(pkgs)) {
  for (const [dep, range] of Object.entries(info.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key]) continue;
    const { os, cpu, libc } = platformOf(dep);
    // keys in the order npm itself writes them, so a later `npm install` leaves the file unchanged
    pkgs[key] = { version: range.replace(/^[\^~]/, ''), cpu: [cpu], ...(libc ? { libc: [libc] } : {}), optional: true, os: [os] };
    added.push(dep);
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added.length} platform entries${added.length ? `: ${added.join(', ')}` : ''}`);
