// Adds lockfile entries for optional platform packages that this machine's registry mirror does not carry
// (for example @astrojs/compiler-binding-darwin-arm64). npm leaves them out when it cannot fetch their metadata,
// and `npm ci` then refuses the lockfile as "missing" them. Each added entry names its os/cpu from the package
// name, so npm skips it on every other platform without downloading anything. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = [
  [/-android-arm64$/, { os: ['android'], cpu: ['arm64'] }],
  [/-darwin-arm64$/, { os: ['darwin'], cpu: ['arm64'] }],
  [/-darwin-x64$/, { os: ['darwin'], cpu: ['x64'] }],
  [/-linux-arm64-gnu$/, { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
  [/-linux-arm64-musl$/, { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
  [/-linux-x64-gnu$/, { os: ['linux'], cpu: ['x64'], libc: ['glibc'] }],
  [/-linux-x64-musl$/, { os: ['linux'], cpu: ['x64'], libc: ['musl'] }],
  [/-wasm32-wasi$/, { cpu: ['wasm32'] }],
  [/-win32-arm64-msvc$/, { os: ['win32'], cpu: ['arm64'] }],
  [/-win32-x64-msvc$/, { os: ['win32'], cpu: ['x64'] }],
];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const platform = PLATFORM.find(([pattern]) => pattern.test(name))?.[1];
    if (!platform) throw new Error(`${name} is missing from the lockfile and its platform is unknown`);
    lock.packages[key] = { version, dev: entry.dev, optional: true, ...platform };
    added++;
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}`);
