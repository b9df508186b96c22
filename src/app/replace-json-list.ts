import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath } from 'jsonc-parser';

const PRINT_WIDTH = 100; // .prettierrc: a list that fits stays on one line, as prettier keeps it

/**
 * `text` with the list of strings at `at` replaced by `items`, everything else byte for byte;
 * the list is laid out as prettier would, so `prettier --check` still passes.
 */
export function replaceJsonList(text: string, at: JSONPath, items: string[]): string {
  let source = text;
  let node = findNodeAtLocation(parseTree(source)!, at);
  if (node === undefined) {
    const edits = modify(source, at, [], { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    source = applyEdits(source, edits);
    node = findNodeAtLocation(parseTree(source)!, at)!;
  }
  const lineStart = source.lastIndexOf('\n', node.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
  const end = node.offset + node.length;
  const comma = /^\s*,/.test(source.slice(end)) ? 1 : 0;
  const inline = `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
  const fits = node.offset - lineStart + inline.length + comma <= PRINT_WIDTH;
  const list = fits
    ? inline
    : `[\n${items.map((item) => `${indent}  ${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;
  return source.slice(0, node.offset) + list + source.slice(end);
}
