import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import YAML, { YAMLParseError } from 'yaml';
import { locateJsonError } from '../validation/locate-json-error.ts';
import { ConfigError } from './config-error.ts';

/** The parsed contents of a config file; an empty YAML file is an empty config. */
export function readConfigFile(path: string): unknown {
  const text = readText(path);
  const isJson = extname(path).toLowerCase() === '.json';
  try {
    const data: unknown = isJson ? JSON.parse(text) : YAML.parse(text);
    return data ?? {};
  } catch (error) {
    throw new ConfigError(path, [{ path: '', message: syntaxProblem(error, text, isJson) }]);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file; check the path'
        : code === 'EISDIR'
          ? 'it is a folder; give the path of a .json, .yaml or .yml file'
          : (error as Error).message;
    throw new ConfigError(path, [{ path: '', message: `Cannot read ${path}: ${reason}.` }]);
  }
}

function syntaxProblem(error: unknown, text: string, isJson: boolean): string {
  if (isJson) {
    const at = locateJsonError(text);
    return at
      ? `Not valid JSON at line ${at.line}, column ${at.column}: ${at.problem}.`
      : `Not valid JSON: ${(error as Error).message}.`;
  }
  if (error instanceof YAMLParseError && error.linePos) {
    const { line, col } = error.linePos[0];
    const reason = error.message.split(/ at line \d+/)[0];
    return `Not valid YAML at line ${line}, column ${col}: ${reason}.`;
  }
  return `Not valid YAML: ${(error as Error).message}`;
}
