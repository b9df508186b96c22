import type { Request, Response } from 'express';
import type { LimitKind } from './rate-limiter.ts';

/** One endpoint: where it lives, which scopes it needs, which limit it counts against. */
export interface SandboxRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** An express path pattern; it is also the key of requestCount(). */
  path: string;
  scopes: readonly string[] | ((params: Request['params']) => readonly string[]);
  limit?: LimitKind;
  handle(req: Request, res: Response): void;
}
