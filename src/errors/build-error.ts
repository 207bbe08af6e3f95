// A failure that stops a build or a command (not one located data problem): it has a catalogued name, a message
// and a hint, and keeps the error that caused it, so `--verbose` can show the whole chain with stacks.
import { Errors, type ErrorName } from './errors-data.ts';

export class BuildError extends Error {
  readonly code: ErrorName;
  readonly hint: string;

  constructor(code: ErrorName, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BuildError';
    this.code = code;
    this.hint = options.hint ?? Errors[code].hint;
  }
}

/** What a failed run tells its user: the catalogued name and title, the message, the hint, and the cause chain. */
export interface Failure {
  code: ErrorName;
  title: string;
  message: string;
  hint: string;
  /** Every error in the cause chain with its stack, for --verbose. */
  detail: string;
}

/** The cause chain, outermost first, each with its stack. */
export function describeChain(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    parts.push(e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));
  }
  return parts.join('\n  caused by: ');
}

/** System errors a user can act on, each with its catalogued name and what it means in plain words. */
const SYSTEM_ERRORS: Partial<Record<string, { name: ErrorName; says: string }>> = {
  ENOSPC: { name: 'DiskFull', says: 'no space is left on the disk' },
  EDQUOT: { name: 'DiskFull', says: 'the disk quota is used up' },
  EROFS: { name: 'OutputReadOnly', says: 'the file system is read-only' },
  EACCES: { name: 'OutputNotWritable', says: 'permission denied' },
  EPERM: { name: 'OutputNotWritable', says: 'the operation is not permitted' },
};

/** "cannot write /x/dist.lock: the file system is read-only (EROFS)" for a system error with a path. */
function systemMessage(e: NodeJS.ErrnoException & { dest?: string }, says: string): string {
  // A copy that fails names its source as `path`; the file it could not write is `dest`.
  const written = e.syscall === 'copyfile' && e.dest ? e.dest : e.path;
  const writes = e.syscall === 'open' || e.syscall === 'write' || e.syscall === 'copyfile';
  const where = written ? `cannot ${writes ? 'write' : (e.syscall ?? 'use')} ${written}: ` : '';
  return `${where}${says} (${e.code})`;
}

/** Any error as a Failure: a BuildError as it is, a system error by its code, anything else as BuildFailed. */
export function toFailure(error: unknown): Failure {
  let code: ErrorName = 'BuildFailed';
  let hint: string | undefined;
  let message = error instanceof Error ? error.message : String(error);
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof BuildError) {
      code = e.code;
      hint = e.hint;
      break;
    }
    const system = SYSTEM_ERRORS[(e as NodeJS.ErrnoException).code ?? ''];
    if (system) {
      code = system.name;
      message = systemMessage(e as NodeJS.ErrnoException, system.says);
      break;
    }
  }
  return {
    code,
    title: Errors[code].title,
    message,
    hint: hint ?? Errors[code].hint,
    detail: describeChain(error),
  };
}
