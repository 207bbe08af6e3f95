// One build at a time per output folder. Two builds of one output would delete each other's staging folders, so
// the second refuses with a message naming the first. The lock is a file beside the output (`dist.lock`) holding
// the owner's process id; a lock whose process is gone (a build that was killed) is taken over.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { BuildError } from '../errors/build-error.ts';

export interface BuildLock {
  file: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export const lockPath = (outDir: string) => `${outDir}.lock`;

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined; // unreadable or half-written: treated as no owner
  }
}

function isRunning(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be probed; it is trusted as held.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string, owner: LockOwner): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Takes the output folder's lock, or throws BuildLocked naming the build that holds it. */
export function acquireBuildLock(outDir: string): BuildLock {
  const file = lockPath(outDir);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, me)) {
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        try {
          if (readOwner(file)?.pid === me.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      // An interrupt ends the process with process.exit(); the lock goes with it.
      process.on('exit', release);
      return { file, release };
    }
    const owner = readOwner(file);
    if (owner && isRunning(owner))
      throw new BuildError(
        'BuildLocked',
        `another build (process ${owner.pid}, started ${owner.started}) is writing ${outDir}`,
      );
    // The owner is gone: a killed build. Its lock is stale; remove it and try once more.
    try {
      unlinkSync(file);
    } catch {
      // another build removed it first; the retry decides
    }
  }
  throw new BuildError('BuildLocked', `another build took the lock on ${outDir} at the same moment`);
}
