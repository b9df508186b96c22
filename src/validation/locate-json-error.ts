import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonErrorLocation {
  line: number;
  column: number;
  problem: string;
}

const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'a character JSON does not allow here (text and field names need double quotes)',
  InvalidNumberFormat: 'a number written in a way JSON does not allow',
  PropertyNameExpected: 'expected a field name in double quotes (is there a comma too many?)',
  ValueExpected: 'expected a value (is there a comma too many, or a value missing?)',
  ColonExpected: 'expected a colon (:) after the field name',
  CommaExpected: 'a comma is missing before this point',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is more text after the end of the data',
  InvalidCommentToken: 'JSON does not allow comments',
  UnexpectedEndOfComment: 'JSON does not allow comments',
  UnexpectedEndOfString: 'a text value is missing its closing double quote',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'a \\u escape in a text value is not valid',
  InvalidEscapeCharacter: 'a backslash escape in a text value is not valid',
  InvalidCharacter: 'a text value holds a tab or line break; write it as \\t or \\n',
};

/** Where the first syntax error in JSON text is, and what it is in plain words. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  if (text.trim() === '') return { line: 1, column: 1, problem: 'the file is empty' };
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return null;
  const lines = text.slice(0, first.offset).split('\n');
  return {
    line: lines.length,
    column: lines[lines.length - 1]!.length + 1,
    problem: PROBLEMS[printParseErrorCode(first.error)] ?? 'the JSON is not valid here',
  };
}
