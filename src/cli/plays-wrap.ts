/** Text cut into lines of at most `width` characters, at spaces; a longer word gets its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  return line === '' ? [] : [...lines, line];
}

export interface LabelLayout {
  /** Spaces before the label. */
  indent: number;
  /** The label column's width, the gap after it included. */
  labelWidth: number;
  /** The whole line's width. */
  width: number;
}

/** "label   text…" with the text wrapped under itself, e.g. `    when      score falls…`. */
export function labelled(label: string, text: string, layout: LabelLayout): string[] {
  const left = layout.indent + Math.max(layout.labelWidth, label.length + 1);
  const lines = wrap(text, Math.max(20, layout.width - left));
  const head = `${' '.repeat(layout.indent)}${label}`.padEnd(left);
  return (lines.length === 0 ? [''] : lines).map((line, i) =>
    `${i === 0 ? head : ' '.repeat(left)}${line}`.trimEnd(),
  );
}
