import { readFileSync } from 'node:fs';
import { CliError } from './cli-error.ts';
import { locateJsonError } from '../validation/locate-json-error.ts';

/** Reads and parses a JSON file; any failure is a CliError that says where and how to fix it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${readProblem(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(text);
    const detail = where
      ? `line ${where.line}, column ${where.column}: ${where.problem}`
      : (error as Error).message;
    throw new CliError(`${path} is not valid JSON. At ${detail}. Fix the file and run again.`);
  }
}

function readProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'there is no such file. Check the path and try again.';
    case 'EISDIR':
      return 'it is a folder. Give the path of a JSON file instead.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied. Check that you may read the file.';
    default:
      return `${(error as Error).message}.`;
  }
}
