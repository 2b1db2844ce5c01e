// Domain errors carry a stable code so the CLI, the API and tests can tell them apart without reading messages.

export type MarsadErrorCode =
  | 'empty_report'
  | 'binary_input'
  | 'invalid_utf8'
  | 'report_too_large'
  | 'bad_header'
  | 'bad_date'
  | 'missing_published'
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'forbidden';

export class MarsadError extends Error {
  readonly code: MarsadErrorCode;
  /** 1-based line in the input the problem was found on, when there is one. */
  readonly line: number | undefined;

  constructor(code: MarsadErrorCode, message: string, line?: number) {
    super(message);
    this.name = 'MarsadError';
    this.code = code;
    this.line = line;
  }
}
