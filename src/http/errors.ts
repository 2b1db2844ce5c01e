// HTTP errors: one typed exception with a stable code, the one table from domain codes to statuses, and the one handler.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { MarsadError, type MarsadErrorCode } from '../domain/errors.js';

/** Codes the HTTP layer adds to the domain's own (which pass through unchanged). */
export type ApiErrorCode =
  | 'invalid_input'
  | 'invalid_json'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'ingest_failed'
  | 'internal';

export type ErrorCode = ApiErrorCode | MarsadErrorCode;

/**
 * The one place a domain code becomes a status. A Record over the union: a new domain code does not compile until it
 * is given a status here, so nothing is ever guessed from a message.
 */
export const STATUS_OF_DOMAIN_CODE: Record<MarsadErrorCode, ContentfulStatusCode> = {
  empty_report: 400,
  binary_input: 415,
  invalid_utf8: 400,
  report_too_large: 413,
  bad_header: 400,
  bad_date: 400,
  missing_published: 400,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  forbidden: 403,
};

export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

export const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error', description: 'Every error: a stable code, a message for people, and details when there are some (validation issues).' });

/** Zod issues as data: path and message, never the offending input (it may be large or sensitive). */
export function issuesOf(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** The one error handler: typed errors keep their status and code; anything else is a 500 without a stack trace. */
export function handleError(err: Error, c: Context): Response {
  let status: ContentfulStatusCode;
  let code: ErrorCode;
  let message = err.message;
  let details: unknown;
  if (err instanceof ApiError) {
    ({ code, details } = err);
    status = err.status as ContentfulStatusCode;
  } else if (err instanceof MarsadError) {
    code = err.code;
    status = STATUS_OF_DOMAIN_CODE[err.code];
    if (err.line !== undefined) details = { line: err.line };
  } else if (err instanceof z.ZodError) {
    [status, code, message, details] = [400, 'invalid_input', 'the request is not valid', issuesOf(err)];
  } else if (err instanceof HTTPException) {
    // Raised by hono itself (a malformed body it could not read): keep the status, name it generically.
    status = err.status as ContentfulStatusCode;
    code = status === 413 ? 'payload_too_large' : status < 500 ? 'invalid_input' : 'internal';
  } else {
    process.stderr.write(`marsad serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${err.stack ?? err.message}\n`);
    [status, code, message] = [500, 'internal', 'internal error'];
  }
  // A refused body may be unread on the socket: the connection cannot carry another request.
  if (status === 413) c.header('Connection', 'close');
  return c.json({ error: details === undefined ? { code, message } : { code, message, details } }, status);
}
