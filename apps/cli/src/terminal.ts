import Table from 'cli-table3';

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
const colorEnabled = (): boolean => process.stdout.isTTY === true && !process.env.NO_COLOR;

/**
 * A table for stdout: coloured headings and borders on a terminal, plain text otherwise. cli-table3
 * colours by default wherever it prints, so the style is always given.
 */
export function outputTable(head: string[]): InstanceType<typeof Table> {
  const color = colorEnabled();
  return new Table({ head, style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] } });
}
